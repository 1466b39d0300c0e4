/**
 * Set by the data source on each subgraph call, from the query plan: the kind of the GraphQL
 * operation in the body (`query`, `mutation`). The subgraph fetcher reads it and removes it, so
 * it never leaves the gateway: only a query is retried or shared with an identical call in
 * flight. Without it the fetcher reads the body to find out.
 */
export const OPERATION_KIND_HEADER = 'x-gateway-operation-kind';
