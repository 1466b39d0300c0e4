import { buildSchema, parse, validate } from 'graphql';
import { createDepthLimitRule } from './create-depth-limit-rule';

const schema = buildSchema(`
  type Query { sag(uuid: ID!): Sag, sager(first: Int): SagConnection! }
  type SagConnection { nodes: [Sag!]!, totalCount: Int! }
  type Sag { uuid: ID!, titel: String, parter: [Part!]!, dokumenter(first: Int): DokumentConnection! }
  type Part { navn: String }
  type DokumentConnection { nodes: [Dokument!]!, totalCount: Int! }
  type Dokument { titel: String, sag: Sag }
`);

function check(query: string, maxDepth: number): string[] {
  return validate(schema, parse(query), [createDepthLimitRule(maxDepth)]).map((e) => e.message);
}

describe('createDepthLimitRule', () => {
  const query = '{ sag(uuid: "1") { dokumenter { nodes { titel } } } }';

  it('accepts a query at the limit and rejects one past it', () => {
    expect(check(query, 4)).toEqual([]);
    expect(check(query, 3)).toEqual(['The query is nested too deeply']);
  });

  it('follows fragment spreads and inline fragments', () => {
    const withFragments = `{ sag(uuid: "1") { ...D } }
      fragment D on Sag { dokumenter { ... on DokumentConnection { nodes { titel } } } }`;
    expect(check(withFragments, 3)).toEqual(['The query is nested too deeply']);
    expect(check(withFragments, 4)).toEqual([]);
  });

  it('does not count __typename', () => {
    expect(check('{ sag(uuid: "1") { uuid } }', 2)).toEqual([]);
    expect(check('{ sag(uuid: "1") { parter { __typename } } }', 2)).toEqual([]);
  });

  it('ends on a fragment cycle (NoFragmentCyclesRule reports it)', () => {
    const cycle =
      '{ sag(uuid: "1") { ...A } } fragment A on Sag { dokumenter { nodes { sag { ...A } } } }';
    expect(check(cycle, 10)).toEqual([]);
  });
});
