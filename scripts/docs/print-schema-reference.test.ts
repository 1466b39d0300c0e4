import { buildSchema } from 'graphql';
import { printSchemaReference } from './print-schema-reference';

const SCHEMA = buildSchema(`
  "The root."
  type Query {
    "A case by uuid; null when | unknown."
    sag("The key." uuid: ID!, first: Int = 20): Sag
    gammel: String @deprecated(reason: "Use sag; removed after 2027-06-30.")
  }
  "A case."
  type Sag { uuid: ID!, fremdrift: Fremdrift }
  "Progress."
  enum Fremdrift { "Started." OPSTAAET AFSLUTTET }
`);

describe('the schema reference', () => {
  const text = printSchemaReference(SCHEMA);

  it('prints the root types first, then the others by name, with their descriptions', () => {
    const headings = [...text.matchAll(/^### (\w+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Query', 'Fremdrift', 'Sag']);
    expect(text).toContain('The root.');
    expect(text).toContain('| `OPSTAAET` | Started. |');
  });

  it('links types, lists arguments with defaults and keeps table cells on one line', () => {
    expect(text).toContain(
      '| `sag` | [Sag](#sag) | A case by uuid; null when \\| unknown.<br>Arguments: `uuid`: `ID!` The key.; `first`: `Int` = `20` |',
    );
  });

  it('marks deprecated fields with the reason', () => {
    expect(text).toContain('**Deprecated:** Use sag; removed after 2027-06-30.');
  });
});
