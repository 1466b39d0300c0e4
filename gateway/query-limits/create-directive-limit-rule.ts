import type { ValidationRule } from 'graphql';
import { createQueryLimitError } from './create-query-limit-error';

/** Rejects a document with more than `maxDirectives` directive uses, counted as written. */
export function createDirectiveLimitRule(maxDirectives: number): ValidationRule {
  return (context) => {
    let directives = 0;
    return {
      Directive(node) {
        directives += 1;
        // Once, not for every directive past the limit.
        if (directives === maxDirectives + 1) {
          context.reportError(createQueryLimitError('directives', node));
        }
      },
    };
  };
}
