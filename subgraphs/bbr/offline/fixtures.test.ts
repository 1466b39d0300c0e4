import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import bygningFixtures from './fixtures/bygning.json';
import enhedFixtures from './fixtures/enhed.json';
import grundFixtures from './fixtures/grund.json';
import { generateOfflineBygninger } from './generate-offline-bygninger';
import { OFFLINE_GENERATED_PER_KOMMUNE } from './create-offline-bbr-upstream';
import { toAsciiFieldName } from '../upstream/to-ascii-field-name';
import { GRAPHQL_FIELDS } from '../upstream/create-graphql-protocol';

// The official response schemas, kept outside the repository.
const SCHEMA_DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'bbr');

function readSchema(name: string): object {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, `BBR_2.4.4_${name}.schema.json`), 'utf8'));
}

function validate(schema: object, data: unknown): string {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(schema);
  return check(data) ? '' : ajv.errorsText(check.errors);
}

describe('offline BBR fixtures', () => {
  it('answer /bygning in the shape of the official Bygning schema', () => {
    expect(validate(readSchema('Bygning'), bygningFixtures)).toBe('');
  });

  it('stay in that shape for the generated buildings that make a municipality span pages', () => {
    const generated = generateOfflineBygninger(bygningFixtures, OFFLINE_GENERATED_PER_KOMMUNE);
    expect(generated).toHaveLength(5 * OFFLINE_GENERATED_PER_KOMMUNE);
    expect(validate(readSchema('Bygning'), generated)).toBe('');
    // Deterministic: the same buildings every run.
    expect(generateOfflineBygninger(bygningFixtures, 2)).toEqual(
      generateOfflineBygninger(bygningFixtures, 2),
    );
  });

  it('give the GraphQL shape every field the client asks for, by the ASCII spelling of a schema field', () => {
    const schemaFields = (name: string) =>
      Object.keys(
        (readSchema(name) as { items: { properties: Record<string, unknown> } }).items.properties,
      ).map(toAsciiFieldName);
    const known = new Set([...schemaFields('Bygning'), ...schemaFields('Enhed')]);
    for (const resource of ['bygning', 'enhed'] as const) {
      const asked = GRAPHQL_FIELDS[resource].split(/\s+/).filter(Boolean);
      expect(asked.filter((field) => !known.has(field))).toEqual([]);
    }
  });

  it('answer /enhed in the shape of the official Enhed schema', () => {
    expect(validate(readSchema('Enhed'), enhedFixtures)).toBe('');
  });

  it('are checked by a schema that rejects what the real service never sends', () => {
    // Guards the test above: a wrongly typed field must fail validation.
    const broken = [{ ...bygningFixtures[0], byg026Opførelsesår: 'nineteen-thirty' }];
    expect(validate(readSchema('Bygning'), broken)).toMatch(/byg026/);
  });

  it('give every grund an id (there is no official Grund schema to check against)', () => {
    expect(grundFixtures.every((g) => typeof g.id_lokalId === 'string')).toBe(true);
  });
});
