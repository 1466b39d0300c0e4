import { buildSchema, parse, validate } from 'graphql';
import { createCostLimitRule } from './create-cost-limit-rule';

const schema = buildSchema(`
  type Query { sag(uuid: ID!): Sag, sager(first: Int): SagConnection! }
  type SagConnection { nodes: [Sag!]!, totalCount: Int! }
  type Sag { uuid: ID!, titel: String, parter: [Part!]!, dokumenter(first: Int): DokumentConnection! }
  type Part { navn: String }
  type DokumentConnection { nodes: [Dokument!]!, totalCount: Int! }
  type Dokument { titel: String, sag: Sag }
`);

/** The lowest maxCost that accepts the query. */
function getCost(query: string): number {
  for (let maxCost = 1; maxCost < 1_000_000; maxCost *= 2) {
    if (validate(schema, parse(query), [createCostLimitRule({ maxCost })]).length === 0) {
      let low = maxCost / 2;
      while (validate(schema, parse(query), [createCostLimitRule({ maxCost: low })]).length > 0) {
        low += 1;
      }
      return low;
    }
  }
  throw new Error('cost too high to measure');
}

describe('createCostLimitRule', () => {
  it('multiplies the children of a paginated field by first', () => {
    // sager 1; totalCount, nodes and titel 10 each (nodes adds no second factor)
    expect(getCost('{ sager(first: 10) { totalCount nodes { titel } } }')).toBe(31);
  });

  it('uses the default list size without first and the maximum for a variable', () => {
    expect(getCost('{ sager { nodes { titel } } }')).toBe(1 + 20 + 20);
    expect(getCost('query ($n: Int) { sager(first: $n) { nodes { titel } } }')).toBe(1 + 100 + 100);
  });

  it('multiplies by the default list size for a plain list field', () => {
    // sag 1 + parter 1 + navn 20
    expect(getCost('{ sag(uuid: "1") { parter { navn } } }')).toBe(22);
  });

  it('follows fragments and rejects a cost bomb', () => {
    const bomb = `{ sager(first: 100) { nodes { ...D } } }
      fragment D on Sag { dokumenter(first: 100) { nodes { sag { dokumenter(first: 100) { totalCount } } } } }`;
    const errors = validate(schema, parse(bomb), [createCostLimitRule({ maxCost: 20000 })]);
    expect(errors.map((e) => e.message)).toEqual(['The query asks for too much data']);
  });

  it('stops early on a fragment bomb', () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Sag { ${i === 29 ? 'titel' : `...F${i + 1} ...F${i + 1}`} }`,
    );
    const query = `{ sag(uuid: "1") { ...F0 } } ${fragments.join(' ')}`;
    const errors = validate(schema, parse(query), [createCostLimitRule({ maxCost: 1000 })]);
    expect(errors.map((e) => e.message)).toEqual(['The query asks for too much data']);
  });
});
