import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  Kind,
  parse,
  print,
  visit,
  type FieldDefinitionNode,
  type NamedTypeNode,
  type NonNullTypeNode,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { checkSubgraphSchema, formatSchemaCheck } from './check-subgraph-schema';
import { SCHEMA_DIR } from './compose-supergraph';

const KLASSIFIKATION = readFileSync(join(SCHEMA_DIR, 'klassifikation.graphql'), 'utf8');

/** klassifikation's published SDL with the fields of one type rewritten. */
function editType(
  typeName: string,
  edit: (fields: readonly FieldDefinitionNode[]) => FieldDefinitionNode[],
): string {
  return print(
    visit(parse(KLASSIFIKATION), {
      ObjectTypeDefinition(node): ObjectTypeDefinitionNode | undefined {
        if (node.name.value !== typeName) return undefined;
        return { ...node, fields: edit(node.fields ?? []) };
      },
    }),
  );
}

const named = (name: string): NamedTypeNode => ({
  kind: Kind.NAMED_TYPE,
  name: { kind: Kind.NAME, value: name },
});
const nonNull = (name: string): NonNullTypeNode => ({
  kind: Kind.NON_NULL_TYPE,
  type: named(name),
});

const check = (proposedSdl: string) =>
  checkSubgraphSchema({ subgraph: 'klassifikation', proposedSdl });

describe('the subgraph schema check', () => {
  it('finds nothing in the published SDL', async () => {
    const result = await check(KLASSIFIKATION);
    expect(result).toEqual({ compositionErrors: [], breaking: [], dangerous: [] });
    expect(formatSchemaCheck('klassifikation', result).exitCode).toBe(0);
  });

  it('reports a removed field as breaking', async () => {
    const result = await check(
      editType('Klasse', (fields) => fields.filter((f) => f.name.value !== 'beskrivelse')),
    );
    expect(result.breaking).toEqual([
      { type: 'FIELD_REMOVED', description: 'field removed: Klasse.beskrivelse was removed.' },
    ]);
    const report = formatSchemaCheck('klassifikation', result);
    expect(report.exitCode).toBe(1);
    expect(report.text).toContain('Klasse.beskrivelse was removed.');
  });

  it('reports a retyped field as breaking', async () => {
    const result = await check(
      editType('Klasse', (fields) =>
        fields.map((f) => (f.name.value === 'titel' ? { ...f, type: nonNull('Int') } : f)),
      ),
    );
    expect(result.breaking).toEqual([
      {
        type: 'FIELD_CHANGED_KIND',
        description: 'field type changed: Klasse.titel changed type from String! to Int!.',
      },
    ]);
  });

  it('reports a new required argument as breaking', async () => {
    const result = await check(
      editType('Query', (fields) =>
        fields.map((f) =>
          f.name.value === 'kle'
            ? {
                ...f,
                arguments: [
                  ...(f.arguments ?? []),
                  {
                    kind: Kind.INPUT_VALUE_DEFINITION,
                    name: { kind: Kind.NAME, value: 'version' },
                    type: nonNull('String'),
                  },
                ],
              }
            : f,
        ),
      ),
    );
    expect(result.breaking).toEqual([
      {
        type: 'REQUIRED_ARG_ADDED',
        description: 'new required argument: A required arg version on Query.kle was added.',
      },
    ]);
  });

  it('passes a new optional field', async () => {
    const result = await check(
      editType('Klasse', (fields) => [
        ...fields,
        {
          kind: Kind.FIELD_DEFINITION,
          description: { kind: Kind.STRING, value: 'A short title.' },
          name: { kind: Kind.NAME, value: 'kortTitel' },
          type: named('String'),
        },
      ]),
    );
    expect(result).toEqual({ compositionErrors: [], breaking: [], dangerous: [] });
  });

  it('reports SDL that does not compose with the other subgraphs', async () => {
    // Registrering is shared: the other subgraphs still say `version: Int!`.
    const result = await check(
      editType('Registrering', (fields) =>
        fields.map((f) => (f.name.value === 'version' ? { ...f, type: nonNull('String') } : f)),
      ),
    );
    expect(result.compositionErrors).toEqual([expect.stringContaining('Registrering.version')]);
    const report = formatSchemaCheck('klassifikation', result);
    expect(report.exitCode).toBe(1);
    expect(report.text).toContain('does not compose');
  });

  /**
   * Two processes that each compile the script and compose the graph: on a busy shared machine
   * that takes far longer than the default limit, so the limit is generous.
   */
  const CLI_LIMIT_MS = 300_000;

  it(
    'runs from the command line: exit 1 and the changes printed, exit 0 when safe',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'schema-check-'));
      const run = promisify(execFile);
      const script = join(__dirname, 'check-subgraph-schema.ts');
      try {
        const removed = join(dir, 'removed.graphql');
        writeFileSync(
          removed,
          editType('Klasse', (fields) => fields.filter((f) => f.name.value !== 'beskrivelse')),
        );
        const failed = await run(process.execPath, [
          '--import',
          'tsx',
          script,
          'klassifikation',
          removed,
        ]).then(
          () => null,
          (error: { code?: number; stdout?: string }) => error,
        );
        expect(failed?.code).toBe(1);
        expect(failed?.stdout).toContain('field removed: Klasse.beskrivelse was removed.');

        const same = join(dir, 'same.graphql');
        writeFileSync(same, KLASSIFIKATION);
        const passed = await run(process.execPath, [
          '--import',
          'tsx',
          script,
          'klassifikation',
          same,
        ]);
        expect(passed.stdout).toContain('breaks no client query');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    CLI_LIMIT_MS,
  );
});
