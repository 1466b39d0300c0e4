import type { ValidationRule } from 'graphql';
import { createQueryLimitError } from './create-query-limit-error';

/**
 * Rejects a document with more than `maxAliases` aliased fields, counted as written (a fragment
 * counts once however often it is spread; the cost limit covers repetition).
 */
export function createAliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    return {
      Field(node) {
        if (!node.alias) return;
        aliases += 1;
        // Once, not for every alias past the limit.
        if (aliases === maxAliases + 1) context.reportError(createQueryLimitError('aliases', node));
      },
    };
  };
}
