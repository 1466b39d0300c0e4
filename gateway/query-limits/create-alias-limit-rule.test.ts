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

describe('createAliasLimitRule with fragments', () => {
  const fragment = `fragment T on Sag { ${Array.from({ length: 10 }, (_, i) => `t${i}: titel`).join(' ')} }`;

  it('counts the aliases of a fragment once per spread', () => {
    // 10 written aliases in T, spread into 10 aliased fields: 10 + 10 × 10 run.
    const spreads = Array.from({ length: 10 }, (_, i) => `s${i}: sag(uuid: "${i}") { ...T }`);
    const query = `{ ${spreads.join(' ')} } ${fragment}`;
    expect(validate(schema, parse(query), [createAliasLimitRule(109)])).toHaveLength(1);
    expect(validate(schema, parse(query), [createAliasLimitRule(110)])).toEqual([]);
  });

  it('counts a fragment spread once where it is spread once', () => {
    const query = `{ sag(uuid: "1") { ...T } } ${fragment}`;
    expect(validate(schema, parse(query), [createAliasLimitRule(10)])).toEqual([]);
    expect(validate(schema, parse(query), [createAliasLimitRule(9)])).toHaveLength(1);
  });
});
