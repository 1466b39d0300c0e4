import { isQueryRequest } from './is-query-request';

const body = (request: Record<string, unknown>): string => JSON.stringify(request);

describe('isQueryRequest', () => {
  it('accepts a single query operation', () => {
    expect(isQueryRequest(body({ query: 'query Q($id: ID!) { ting(id: $id) { id } }' }))).toBe(
      true,
    );
  });

  it('rejects a mutation, also when picked by operationName among several', () => {
    expect(isQueryRequest(body({ query: 'mutation { maling }' }))).toBe(false);
    const query = 'query A { a } mutation B { b }';
    expect(isQueryRequest(body({ query, operationName: 'B' }))).toBe(false);
    expect(isQueryRequest(body({ query, operationName: 'A' }))).toBe(true);
    expect(isQueryRequest(body({ query }))).toBe(false);
  });

  it('rejects what it cannot read', () => {
    expect(isQueryRequest(undefined)).toBe(false);
    expect(isQueryRequest('{')).toBe(false);
    expect(isQueryRequest(body({ extensions: {} }))).toBe(false);
    expect(isQueryRequest(body({ query: '{ unclosed' }))).toBe(false);
  });
});
