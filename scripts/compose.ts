// Composes schema/*.graphql into schema/supergraph.graphql.
// `--check` writes nothing and fails when composition fails or the committed file is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { composeSupergraph, SUPERGRAPH_FILE } from './compose-supergraph';

const check = process.argv.includes('--check');
try {
  const sdl = composeSupergraph();
  const current = existsSync(SUPERGRAPH_FILE) ? readFileSync(SUPERGRAPH_FILE, 'utf8') : '';
  const name = relative(process.cwd(), SUPERGRAPH_FILE);
  if (check) {
    if (current !== sdl) {
      console.error(`${name} is stale: run "npm run compose" and commit the result.`);
      process.exit(1);
    }
    console.log(`${name} is up to date.`);
  } else {
    writeFileSync(SUPERGRAPH_FILE, sdl);
    console.log(current === sdl ? `${name} unchanged.` : `Wrote ${name}.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
