import { GraphQLError, type ASTNode } from 'graphql';

/**
 * Which limit a query broke. The message names the kind; only the cost limit adds figures (the
 * query's cost and the limit), since a client cannot work its cost out alone.
 */
export type QueryLimitKind = 'depth' | 'aliases' | 'directives' | 'cost' | 'bytes' | 'tokens';

const MESSAGES: Record<QueryLimitKind, string> = {
  depth: 'The query is nested too deeply',
  aliases: 'The query uses too many aliases',
  directives: 'The query uses too many directives',
  cost: 'The query asks for too much data',
  bytes: 'The query is too large',
  tokens: 'The query has too many tokens',
};

/**
 * The error for a broken query limit. Apollo Server gives errors from validation rules the code
 * GRAPHQL_VALIDATION_FAILED and status 400; `limit` is for logs (the gateway's formatter drops it).
 */
export function createQueryLimitError(
  kind: QueryLimitKind,
  node?: ASTNode,
  detail?: string,
): GraphQLError {
  const message = detail ? `${MESSAGES[kind]}: ${detail}` : MESSAGES[kind];
  return new GraphQLError(message, { nodes: node, extensions: { limit: kind } });
}
