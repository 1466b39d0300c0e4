// Writes the API schema the gateway serves, from the committed supergraph: docs/schema.graphql
// (the SDL with descriptions, as GET /schema.graphql answers it; typed clients are generated
// from it) and docs/schema.md (the schema reference).
// `--check` writes nothing and fails when either committed file is stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { printSchema } from 'graphql';
import { SUPERGRAPH_FILE } from './compose-supergraph';
import { loadApiSchema } from './docs/load-api-schema';
import { printSchemaReference } from './docs/print-schema-reference';

const DOCS_DIR = join(__dirname, '..', 'docs');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const schema = await loadApiSchema(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  const outputs = [
    // The same text as GET /schema.graphql (gateway/schema-document).
    { file: join(DOCS_DIR, 'schema.graphql'), text: `${printSchema(schema)}\n` },
    { file: join(DOCS_DIR, 'schema.md'), text: printSchemaReference(schema) },
  ];
  let stale = false;
  for (const { file, text } of outputs) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const name = relative(process.cwd(), file);
    if (check) {
      if (current !== text) {
        console.error(`${name} is stale: run "npm run docs:schema" and commit the result.`);
        stale = true;
      } else {
        console.log(`${name} is up to date.`);
      }
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(current === text ? `${name} unchanged.` : `Wrote ${name}.`);
  }
  if (stale) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
