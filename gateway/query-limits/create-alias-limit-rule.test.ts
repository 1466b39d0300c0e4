import { buildSchema, parse, validate } from 'graphql';
import { createAliasLimitRule } from './create-alias-limit-rule';

const schema = buildSchema(`
  type Query { sag(uuid: ID!): Sag, sager(first: Int): SagConnection! }
  type SagConnection { nodes: [Sag!]!, totalCount: Int! }
  type Sag { uuid: ID!, titel: String, parter: [Part!]!, dokumenter(first: Int): DokumentConnection! }
  type Part { navn: String }
  type DokumentConnection { nodes: [Dokument!]!, totalCount: Int! }
  type Dokument { titel: String, sag: Sag }
`);

function aliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: sag(uuid: "${i}") { uuid }`).join(' ')} }`;
}

describe('createAliasLimitRule', () => {
  it('accepts aliases up to the limit and rejects more, once', () => {
    const rule = createAliasLimitRule(3);
    expect(validate(schema, parse(aliases(3)), [rule])).toEqual([]);
    expect(validate(schema, parse(aliases(10)), [rule]).map((e) => e.message)).toEqual([
      'The query uses too many aliases',
    ]);
  });
});
