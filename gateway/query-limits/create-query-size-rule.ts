import type { ValidationRule } from 'graphql';
import { createQueryLimitError } from './create-query-limit-error';

/**
 * Rejects a query text longer than `maxBytes` (UTF-8). It runs on the parsed document because
 * Apollo Server turns an error thrown before parsing into a 500; parsing is already bounded by
 * the token limit (`parseOptions.maxTokens`) and the 1 MiB HTTP body limit.
 */
export function createQuerySizeRule(maxBytes: number): ValidationRule {
  return (context) => {
    const text = context.getDocument().loc?.source.body ?? '';
    if (Buffer.byteLength(text, 'utf8') > maxBytes) {
      context.reportError(createQueryLimitError('bytes'));
    }
    return {};
  };
}
