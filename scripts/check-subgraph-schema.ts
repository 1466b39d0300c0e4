// Checks a subgraph supplier's proposed SDL before it is published:
//
//   npm run schema:check -- <subgraph-name> <proposed-sdl-file>
//
// composes it with the other subgraphs' current SDL (schema/subgraphs.json) and compares the API
// schema clients would get with the one the current supergraph (schema/supergraph.graphql) gives
// them. Prints every breaking change and every warning in plain words. Exit 1 on a breaking
// change or a failed composition, 2 on wrong usage, 0 otherwise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import {
  BreakingChangeType,
  DangerousChangeType,
  findBreakingChanges,
  findDangerousChanges,
  parse,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { readSubgraphList, SCHEMA_DIR, SUPERGRAPH_FILE } from './compose-supergraph';

/** One difference between the current and the proposed API schema. */
export interface SchemaChange {
  /** graphql-js's change type, e.g. `FIELD_REMOVED`. */
  type: string;
  /** Plain words, e.g. `field removed: Klasse.beskrivelse was removed.` */
  description: string;
}

export interface SchemaCheckResult {
  /** Why the proposed SDL does not parse or compose; empty when it composes. */
  compositionErrors: string[];
  /** Changes that can break clients' existing queries. */
  breaking: SchemaChange[];
  /** Changes that can surprise clients (new enum values, changed defaults, …). */
  dangerous: SchemaChange[];
}

export interface SchemaCheckOptions {
  /** The subgraph's name in subgraphs.json. */
  subgraph: string;
  proposedSdl: string;
  /** @default schema/ */
  schemaDir?: string;
  /** The supergraph in use, to compare against. @default schema/supergraph.graphql */
  supergraphFile?: string;
}

const KINDS: Record<string, string> = {
  [BreakingChangeType.TYPE_REMOVED]: 'type removed',
  [BreakingChangeType.TYPE_CHANGED_KIND]: 'type changed kind',
  [BreakingChangeType.TYPE_REMOVED_FROM_UNION]: 'type removed from union',
  [BreakingChangeType.VALUE_REMOVED_FROM_ENUM]: 'enum value removed',
  [BreakingChangeType.REQUIRED_INPUT_FIELD_ADDED]: 'new required input field',
  [BreakingChangeType.IMPLEMENTED_INTERFACE_REMOVED]: 'interface no longer implemented',
  [BreakingChangeType.FIELD_REMOVED]: 'field removed',
  [BreakingChangeType.FIELD_CHANGED_KIND]: 'field type changed',
  [BreakingChangeType.REQUIRED_ARG_ADDED]: 'new required argument',
  [BreakingChangeType.ARG_REMOVED]: 'argument removed',
  [BreakingChangeType.ARG_CHANGED_KIND]: 'argument type changed',
  [BreakingChangeType.DIRECTIVE_REMOVED]: 'directive removed',
  [BreakingChangeType.DIRECTIVE_ARG_REMOVED]: 'directive argument removed',
  [BreakingChangeType.REQUIRED_DIRECTIVE_ARG_ADDED]: 'new required directive argument',
  [BreakingChangeType.DIRECTIVE_REPEATABLE_REMOVED]: 'directive no longer repeatable',
  [BreakingChangeType.DIRECTIVE_LOCATION_REMOVED]: 'directive location removed',
  [DangerousChangeType.VALUE_ADDED_TO_ENUM]: 'enum value added',
  [DangerousChangeType.IMPLEMENTED_INTERFACE_ADDED]: 'interface added',
  [DangerousChangeType.TYPE_ADDED_TO_UNION]: 'type added to union',
  [DangerousChangeType.OPTIONAL_INPUT_FIELD_ADDED]: 'new optional input field',
  [DangerousChangeType.OPTIONAL_ARG_ADDED]: 'new optional argument',
  [DangerousChangeType.ARG_DEFAULT_VALUE_CHANGE]: 'argument default changed',
};

const SILENT = { debug() {}, info() {}, warn() {}, error() {} };

/** The API schema the gateway serves for a supergraph (what clients see and query). */
async function getApiSchema(supergraphSdl: string): Promise<GraphQLSchema> {
  const gateway = new ApolloGateway({ supergraphSdl, logger: SILENT, validateSupergraph: true });
  try {
    return (await gateway.load()).schema;
  } finally {
    await gateway.stop();
  }
}

function describe(change: { type: string; description: string }): SchemaChange {
  return {
    type: change.type,
    description: `${KINDS[change.type] ?? change.type}: ${change.description}`,
  };
}

/** Composes the proposed SDL with the others and lists what it changes for clients. */
export async function checkSubgraphSchema(options: SchemaCheckOptions): Promise<SchemaCheckResult> {
  const schemaDir = options.schemaDir ?? SCHEMA_DIR;
  const subgraphs = readSubgraphList(schemaDir);
  if (!subgraphs.some((s) => s.name === options.subgraph)) {
    throw new Error(
      `Unknown subgraph "${options.subgraph}"; known: ${subgraphs.map((s) => s.name).join(', ')}`,
    );
  }
  let proposed: DocumentNode;
  try {
    proposed = parse(options.proposedSdl);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      compositionErrors: [`The proposed SDL does not parse: ${message}`],
      breaking: [],
      dangerous: [],
    };
  }
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      url: s.url,
      typeDefs:
        s.name === options.subgraph
          ? proposed
          : parse(readFileSync(join(schemaDir, s.file), 'utf8')),
    })),
  );
  if (result.errors) {
    return { compositionErrors: result.errors.map((e) => e.message), breaking: [], dangerous: [] };
  }
  const current = await getApiSchema(
    readFileSync(options.supergraphFile ?? SUPERGRAPH_FILE, 'utf8'),
  );
  const next = await getApiSchema(result.supergraphSdl);
  return {
    compositionErrors: [],
    breaking: findBreakingChanges(current, next).map(describe),
    dangerous: findDangerousChanges(current, next).map(describe),
  };
}

/** The report printed for a result, and the exit code that goes with it. */
export function formatSchemaCheck(
  subgraph: string,
  result: SchemaCheckResult,
): { text: string; exitCode: number } {
  const lines: string[] = [];
  if (result.compositionErrors.length > 0) {
    lines.push(`The proposed ${subgraph} schema does not compose with the other subgraphs:`);
    for (const error of result.compositionErrors) lines.push(`  - ${error}`);
    return { text: lines.join('\n'), exitCode: 1 };
  }
  if (result.breaking.length > 0) {
    lines.push(`Breaking changes (${result.breaking.length}): clients' existing queries may fail.`);
    for (const change of result.breaking) lines.push(`  - ${change.description}`);
  }
  if (result.dangerous.length > 0) {
    lines.push(`Warnings (${result.dangerous.length}): clients may need to handle these.`);
    for (const change of result.dangerous) lines.push(`  - ${change.description}`);
  }
  if (result.breaking.length === 0) {
    lines.push(`The proposed ${subgraph} schema composes and breaks no client query.`);
  }
  return { text: lines.join('\n'), exitCode: result.breaking.length > 0 ? 1 : 0 };
}

async function main(args: string[]): Promise<number> {
  const [subgraph, file, ...rest] = args;
  if (!subgraph || !file || rest.length > 0) {
    console.error('Usage: npm run schema:check -- <subgraph-name> <proposed-sdl-file>');
    return 2;
  }
  let proposedSdl: string;
  try {
    proposedSdl = readFileSync(file, 'utf8');
  } catch {
    console.error(`Cannot read ${file}`);
    return 2;
  }
  let result: SchemaCheckResult;
  try {
    result = await checkSubgraphSchema({ subgraph, proposedSdl });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  const { text, exitCode } = formatSchemaCheck(subgraph, result);
  console.log(text);
  return exitCode;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
