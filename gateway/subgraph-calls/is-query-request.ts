import { parse } from 'graphql';

/**
 * True only when a subgraph request body surely carries a query operation, so that sending it
 * again changes nothing. Mutations, and bodies that cannot be read, are never retried.
 */
export function isQueryRequest(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const request: unknown = JSON.parse(body);
    if (typeof request !== 'object' || request === null || !('query' in request)) return false;
    const { query, operationName } = request as { query: unknown; operationName?: unknown };
    if (typeof query !== 'string') return false;
    const operations = parse(query).definitions.filter(
      (definition) => definition.kind === 'OperationDefinition',
    );
    const operation =
      typeof operationName === 'string'
        ? operations.find((candidate) => candidate.name?.value === operationName)
        : operations.length === 1
          ? operations[0]
          : undefined;
    return operation?.operation === 'query';
  } catch {
    return false;
  }
}
