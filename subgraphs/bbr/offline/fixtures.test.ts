import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import bygningFixtures from './fixtures/bygning.json';
import enhedFixtures from './fixtures/enhed.json';
import grundFixtures from './fixtures/grund.json';

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
