import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';

/**
 * The API schema of a supergraph, as the gateway serves it (and prints at /schema.graphql): the
 * federation machinery and inaccessible fields removed. Nothing is fetched or listened on.
 */
export async function loadApiSchema(supergraphSdl: string): Promise<GraphQLSchema> {
  const gateway = new ApolloGateway({ supergraphSdl });
  try {
    const { schema } = await gateway.load();
    return schema;
  } finally {
    await gateway.stop();
  }
}
