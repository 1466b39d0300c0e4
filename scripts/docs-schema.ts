// Writes docs/schema.md, the schema reference, from the committed supergraph's API schema.
// `--check` writes nothing and fails when the committed file is stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { SUPERGRAPH_FILE } from './compose-supergraph';
import { loadApiSchema } from './docs/load-api-schema';
import { printSchemaReference } from './docs/print-schema-reference';

const REFERENCE_FILE = join(__dirname, '..', 'docs', 'schema.md');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const schema = await loadApiSchema(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  const text = printSchemaReference(schema);
  const current = existsSync(REFERENCE_FILE) ? readFileSync(REFERENCE_FILE, 'utf8') : '';
  const name = relative(process.cwd(), REFERENCE_FILE);
  if (check) {
    if (current !== text) {
      console.error(`${name} is stale: run "npm run docs:schema" and commit the result.`);
      process.exit(1);
    }
    console.log(`${name} is up to date.`);
    return;
  }
  mkdirSync(dirname(REFERENCE_FILE), { recursive: true });
  writeFileSync(REFERENCE_FILE, text);
  console.log(current === text ? `${name} unchanged.` : `Wrote ${name}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
