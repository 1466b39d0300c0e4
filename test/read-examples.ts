import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import { isDevProfileName, type DevProfileName } from '../scripts/dev-issuer/dev-profiles';

export const EXAMPLES_DIR = join(__dirname, '..', 'examples');

/** One example operation from `examples/`: the query, its variables and how to send it. */
export interface Example {
  /** The file name without `.graphql`, e.g. `sagsbehandler-sag`. */
  name: string;
  /** The operation text as written, its comment header included. */
  source: string;
  /** The development profile whose token the example is meant for (`# Profile: …`). */
  profile: DevProfileName;
  /** Request headers (`# Header: Name: value`). */
  headers: Record<string, string>;
  /** From `<name>.variables.json` beside the file, if there is one. */
  variables: Record<string, unknown>;
}

/** The operation printed canonically, so formatting and comments do not count. */
export function normalizeOperation(source: string): string {
  return print(parse(source));
}

function readExample(file: string): Example {
  const name = file.replace(/\.graphql$/, '');
  const source = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
  const profile = /^# Profile: (\S+)$/m.exec(source)?.[1] ?? '';
  if (!isDevProfileName(profile)) throw new Error(`${file}: "# Profile:" names no profile`);
  const headers = Object.fromEntries(
    [...source.matchAll(/^# Header: ([^:]+): (.+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
  const variablesFile = join(EXAMPLES_DIR, `${name}.variables.json`);
  const variables = existsSync(variablesFile)
    ? (JSON.parse(readFileSync(variablesFile, 'utf8')) as Record<string, unknown>)
    : {};
  return { name, source, profile, headers, variables };
}

/** Every example in `examples/`, by name. */
export function readExamples(): Map<string, Example> {
  const files = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.graphql'));
  return new Map(files.sort().map((file) => [file.replace(/\.graphql$/, ''), readExample(file)]));
}
