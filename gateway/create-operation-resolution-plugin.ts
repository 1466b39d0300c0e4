import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Answers a request whose operation cannot be chosen (an `operationName` the document does not
 * define, or several operations and no name) with 400 OPERATION_RESOLUTION_FAILURE, as Apollo
 * Server does without a gateway; the gateway's executor would otherwise throw an uncoded error
 * that is masked as a 500.
 */
export function createOperationResolutionPlugin<
  TContext extends object,
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}".`
            : 'Must provide operation name if query contains multiple operations.';
          throw new GraphQLError(message, {
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
          });
        },
      };
    },
  };
}
