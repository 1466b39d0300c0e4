import { buildSchema, parse, validate } from 'graphql';
import { createQuerySizeRule } from './create-query-size-rule';

const schema = buildSchema(`
  type Query { sag(uuid: ID!): Sag, sager(first: Int): SagConnection! }
  type SagConnection { nodes: [Sag!]!, totalCount: Int! }
  type Sag { uuid: ID!, titel: String, parter: [Part!]!, dokumenter(first: Int): DokumentConnection! }
  type Part { navn: String }
  type DokumentConnection { nodes: [Dokument!]!, totalCount: Int! }
  type Dokument { titel: String, sag: Sag }
`);

describe('createQuerySizeRule', () => {
  it('measures the query text in UTF-8 bytes, padding and comments included', () => {
    const query = '{ sag(uuid: "æ") { uuid } }'; // 28 bytes: æ is two
    expect(validate(schema, parse(query), [createQuerySizeRule(28)])).toEqual([]);
    expect(validate(schema, parse(query), [createQuerySizeRule(27)]).map((e) => e.message)).toEqual(
      ['The query is too large'],
    );
    const padded = `# ${'x'.repeat(100)}\n{ sag(uuid: "1") { uuid } }`;
    expect(validate(schema, parse(padded), [createQuerySizeRule(100)])).toHaveLength(1);
  });
});
