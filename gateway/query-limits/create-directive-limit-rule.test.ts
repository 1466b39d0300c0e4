import { buildSchema, parse, validate } from 'graphql';
import { createDirectiveLimitRule } from './create-directive-limit-rule';

const schema = buildSchema(`
  type Query { sag(uuid: ID!): Sag, sager(first: Int): SagConnection! }
  type SagConnection { nodes: [Sag!]!, totalCount: Int! }
  type Sag { uuid: ID!, titel: String, parter: [Part!]!, dokumenter(first: Int): DokumentConnection! }
  type Part { navn: String }
  type DokumentConnection { nodes: [Dokument!]!, totalCount: Int! }
  type Dokument { titel: String, sag: Sag }
`);

function directives(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `t${i}: titel @include(if: true)`);
  return `{ sag(uuid: "1") { ...F } } fragment F on Sag { ${fields.join(' ')} }`;
}

describe('createDirectiveLimitRule', () => {
  it('counts directives in fragments too, and rejects more than the limit once', () => {
    const rule = createDirectiveLimitRule(2);
    expect(validate(schema, parse(directives(2)), [rule])).toEqual([]);
    expect(validate(schema, parse(directives(5)), [rule]).map((e) => e.message)).toEqual([
      'The query uses too many directives',
    ]);
  });
});
