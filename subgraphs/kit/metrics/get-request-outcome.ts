import type { GraphQLResponse } from '@apollo/server';
import type { GraphQLError } from 'graphql';

/** "error" when the response carries any error (request-level or on a field), else "ok". */
export function getRequestOutcome(requestContext: {
  readonly errors?: ReadonlyArray<GraphQLError>;
  readonly response: GraphQLResponse;
}): 'ok' | 'error' {
  const { body } = requestContext.response;
  const failed =
    (requestContext.errors?.length ?? 0) > 0 ||
    (body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0);
  return failed ? 'error' : 'ok';
}
