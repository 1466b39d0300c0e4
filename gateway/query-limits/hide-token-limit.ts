import type { GraphQLFormattedError } from 'graphql';
import { createQueryLimitError } from './create-query-limit-error';

// graphql-js 16.x message when `parse({ maxTokens })` gives up (spelled "more that"); it carries
// the configured number.
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] \d+ tokens\./;

/** Replaces graphql-js's token-limit parse error with one that names the limit, not its number. */
export function hideTokenLimit(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!TOKEN_LIMIT_MESSAGE.test(formatted.message)) return formatted;
  return { ...formatted, message: createQueryLimitError('tokens').message, locations: undefined };
}
