import { buildSchema, parse, validate } from 'graphql';
import { createCostLimitRule } from './create-cost-limit-rule';
import { readCostDirectives } from './read-cost-directives';

const CONNECTION =
  '@listSize(assumedSize: 20, slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)';

const SDL = `
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  directive @cost(weight: Int!) on FIELD_DEFINITION
  type Query {
    sag(uuid: ID!): Sag
    sager(first: Int): SagConnection! ${CONNECTION}
    undeclared(first: Int): SagConnection!
  }
  type SagConnection { nodes: [Sag!]!, totalCount: Int! }
  type Sag {
    uuid: ID!
    titel: String
    parter: [Part!]! @listSize(assumedSize: 3)
    noter: [Part!]!
    dyr: Part @cost(weight: 7)
    dokumenter(first: Int): DokumentConnection! ${CONNECTION}
  }
  type Part { navn: String }
  type DokumentConnection { nodes: [Dokument!]!, totalCount: Int! }
  type Dokument { titel: String, sag: Sag, varianter: [Variant!]! @listSize(assumedSize: 2) }
  type Variant { dele: [Del!]! @listSize(assumedSize: 2) }
  type Del { mimetype: String }
`;
const schema = buildSchema(SDL);
const directives = readCostDirectives(SDL);

function check(query: string, maxCost: number): string[] {
  const rule = createCostLimitRule({ maxCost, getCostDirectives: () => directives });
  return validate(schema, parse(query), [rule]).map((error) => error.message);
}

/** The cost the rule computes, read from its message at a limit of 0. */
function getCost(query: string): number {
  const [message] = check(query, 0);
  if (!message) return 0;
  const match = /cost ([\d,]+) of/.exec(message);
  if (!match?.[1]) throw new Error(`no cost in "${message}"`);
  return Number(match[1].replace(/,/g, ''));
}

describe('createCostLimitRule', () => {
  it('counts objects, not scalars, and multiplies a connection page by first', () => {
    // sager 1 + 10 × (Sag 1 + titel 0); totalCount 0, not multiplied
    expect(getCost('{ sager(first: 10) { totalCount nodes { titel } } }')).toBe(11);
  });

  it("uses a connection's assumed size without first and the maximum for a variable", () => {
    expect(getCost('{ sager { nodes { titel } } }')).toBe(1 + 20);
    expect(getCost('query ($n: Int) { sager(first: $n) { nodes { titel } } }')).toBe(1 + 100);
  });

  it('reads an undeclared field with first as a connection of the default page size', () => {
    expect(getCost('{ undeclared { nodes { titel } } }')).toBe(1 + 20);
    expect(getCost('{ undeclared(first: 5) { nodes { titel } } }')).toBe(1 + 5);
  });

  it('multiplies a small list by its declared size and an undeclared list by the default', () => {
    // sag 1 + parter 3 × Part 1
    expect(getCost('{ sag(uuid: "1") { parter { navn } } }')).toBe(1 + 3);
    // sag 1 + noter 20 × Part 1
    expect(getCost('{ sag(uuid: "1") { noter { navn } } }')).toBe(1 + 20);
  });

  it('charges a declared weight instead of 1', () => {
    expect(getCost('{ sag(uuid: "1") { dyr { navn } } }')).toBe(1 + 7);
  });

  it('lets a page of 100 cases with documents, variants and parts through', () => {
    // per case: Sag 1 + dokumenter 1 + 20 × (Dokument 1 + 2 × (Variant 1 + 2 × Del 1)) = 142
    const query = `{ sager(first: 100) { nodes { titel parter { navn }
      dokumenter { totalCount nodes { titel varianter { dele { mimetype } } } } } } }`;
    expect(getCost(query)).toBe(1 + 100 * (142 + 3));
    expect(check(query, 20000)).toEqual([]);
  });

  it('refuses three aliased pages of 100 × 100 documents, naming the cost and the limit', () => {
    const page = `sager(first: 100) { nodes { dokumenter(first: 100) { nodes { varianter { dele { mimetype } } } } } }`;
    const query = `{ a: ${page} b: ${page} c: ${page} }`;
    // each: 1 + 100 × (1 + 1 + 100 × (1 + 2 × (1 + 2)))
    expect(getCost(query)).toBe(3 * (1 + 100 * (2 + 100 * 7)));
    expect(check(query, 20000)).toEqual([
      'The query asks for too much data: cost 210,603 of at most 20,000',
    ]);
  });

  it('follows fragments at every spread and rejects a cost bomb', () => {
    const bomb = `{ sager(first: 100) { nodes { ...D } } }
      fragment D on Sag { dokumenter(first: 100) { nodes { sag { dokumenter(first: 100) { totalCount } } } } }`;
    expect(getCost(bomb)).toBe(1 + 100 * (1 + 1 + 100 * (1 + 1 + 1)));
    expect(check(bomb, 20000)).toHaveLength(1);
    const spreads = `{ sag(uuid: "1") { ...P ...P } } fragment P on Sag { parter { navn } }`;
    expect(getCost(spreads)).toBe(1 + 2 * 3);
  });

  it('measures a fragment bomb of 2^29 spreads at once, without walking it', () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) =>
        `fragment F${i} on Sag { ${i === 29 ? 'parter { navn }' : `...F${i + 1} ...F${i + 1}`} }`,
    );
    const query = `{ sag(uuid: "1") { ...F0 } } ${fragments.join(' ')}`;
    expect(getCost(query)).toBe(1 + 2 ** 29 * 3);
    expect(check(query, 1000)).toEqual([
      'The query asks for too much data: cost 1,610,612,737 of at most 1,000',
    ]);
  });

  it('applies a connection size inside fragments on the connection', () => {
    const query = `{ sager(first: 7) { ...C } } fragment C on SagConnection { totalCount nodes { uuid } }`;
    expect(getCost(query)).toBe(1 + 7);
  });
});
