import type { GraphQLFormattedError } from 'graphql';
import { INTERNAL_ERROR_MESSAGE } from '../subgraphs/kit/format-error';

/**
 * Codes whose messages were written for clients, by a subgraph's domain errors or by GraphQL
 * request handling. Subgraphs mask everything else as INTERNAL_SERVER_ERROR already; the gateway
 * checks again because it must not trust what crosses the network.
 */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'VERSION_CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UPSTREAM_UNAVAILABLE',
  'DOWNSTREAM_SERVICE_ERROR',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Extension keys that carry safe, machine-readable details. */
const SAFE_EXTENSIONS = ['field', 'serviceName', 'expectedVersion', 'currentVersion', 'fra', 'til'];

const STABLE_CODE = /^[A-Z]+(_[A-Z]+)*$/;

/**
 * A code the client may see: Apollo's and the gateway's own, or any stable code a subgraph sent
 * (subgraphs mask their unexpected errors before they leave, so their codes are deliberate).
 */
function isClientCode(code: unknown, serviceName?: unknown): code is string {
  if (typeof code !== 'string') return false;
  return CLIENT_CODES.has(code) || (typeof serviceName === 'string' && STABLE_CODE.test(code));
}

/** True when the gateway would show the error as it is (apart from dropping extensions). */
export function isKnownGatewayError(formatted: GraphQLFormattedError): boolean {
  return isClientCode(formatted.extensions?.code, formatted.extensions?.serviceName);
}

/**
 * A response path for the client. The query planner places the errors of an entity fetch at its
 * merge path, where `@` stands for every item of a list (`["sager", "nodes", "@", "kle"]`); a
 * client's path holds only field names and indexes, so the path ends at the list whose items
 * could not be completed.
 */
function toResponsePath(
  path: GraphQLFormattedError['path'],
): GraphQLFormattedError['path'] | undefined {
  if (!path) return undefined;
  const end = path.indexOf('@');
  return end === -1 ? path : path.slice(0, end);
}

/** The gateway's `formatError`: known codes keep message and safe details; the rest is masked. */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const where = { locations: formatted.locations, path: toResponsePath(formatted.path) };
  const extensions = formatted.extensions ?? {};
  if (
    !isClientCode(extensions.code, extensions.serviceName) ||
    extensions.code === 'INTERNAL_SERVER_ERROR'
  ) {
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...where,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(typeof extensions.serviceName === 'string'
          ? { serviceName: extensions.serviceName }
          : {}),
      },
    };
  }
  const safe = Object.fromEntries(
    SAFE_EXTENSIONS.filter((key) => {
      const value = extensions[key];
      return typeof value === 'string' || typeof value === 'number';
    }).map((key) => [key, extensions[key]]),
  );
  return { message: formatted.message, ...where, extensions: { code: extensions.code, ...safe } };
}
