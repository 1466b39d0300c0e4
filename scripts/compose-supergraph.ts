import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export const SCHEMA_DIR = join(__dirname, '..', 'schema');
export const SUPERGRAPH_FILE = join(SCHEMA_DIR, 'supergraph.graphql');

export interface SubgraphEntry {
  name: string;
  file: string;
  /** The URL written into the supergraph; the gateway's configuration can override it. */
  url: string;
}

/** The subgraphs listed in `schema/subgraphs.json`, the composition config. */
export function readSubgraphList(schemaDir = SCHEMA_DIR): SubgraphEntry[] {
  const config = JSON.parse(readFileSync(join(schemaDir, 'subgraphs.json'), 'utf8')) as Record<
    string,
    { file: string; url: string }
  >;
  return Object.entries(config).map(([name, entry]) => ({ name, ...entry }));
}

/** Composes the supergraph SDL; throws with every composition error listed. */
export function composeSupergraph(schemaDir = SCHEMA_DIR): string {
  const result = composeServices(
    readSubgraphList(schemaDir).map((s) => ({
      name: s.name,
      url: s.url,
      typeDefs: parse(readFileSync(join(schemaDir, s.file), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(
      `Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}
