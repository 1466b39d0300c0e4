import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDomainError } from './domain-error';

/** Codes Apollo Server itself assigns to request errors; their messages describe client input. */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/** True when an error was raised on purpose (a domain error or Apollo's own client errors). */
export function isDeliberateError(formatted: GraphQLFormattedError, error: unknown): boolean {
  if (isDomainError(unwrapResolverError(error))) return true;
  const code = formatted.extensions?.code;
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code) && !formatted.path;
}

/**
 * Apollo Server's `formatError`: deliberate errors keep their message and stable code, everything
 * else becomes INTERNAL_SERVER_ERROR with no detail. Extensions are rebuilt, never passed through,
 * so nothing internal (stack traces, upstream responses) can leak.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { locations: formatted.locations, path: formatted.path };
  if (isDomainError(original)) {
    return {
      message: original.message,
      ...where,
      extensions: { code: original.code, ...original.details },
    };
  }
  if (isDeliberateError(formatted, error)) {
    return {
      message: formatted.message,
      ...where,
      extensions: { code: formatted.extensions?.code },
    };
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...where,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
