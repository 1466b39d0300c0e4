import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, print, visit } from 'graphql';
import { composeSupergraph, SCHEMA_DIR, SUPERGRAPH_FILE } from '../scripts/compose-supergraph';
import { startGraph, type StartedGraph } from './start-graph';

/** The gateway checks the file this often (and on file events). */
const POLL_MS = 1000;
/**
 * How long a wait for the gateway to notice a new file may take: many poll intervals, for a busy
 * shared machine, and still inside the test's own time limit.
 */
const WAIT_LIMIT_MS = 20_000;

const OLD_QUERY = '{ kle(nummer: "02.34.02") { brugervendtNoegle titel } }';
/** `Klasse.beskrivelse` is missing from the first supergraph and added by the second. */
const NEW_QUERY = '{ kle(nummer: "02.34.02") { brugervendtNoegle beskrivelse } }';

/** The supergraph composed from the published SDL with `Klasse.beskrivelse` left out. */
function composeWithoutBeskrivelse(): string {
  const dir = mkdtempSync(join(tmpdir(), 'schema-'));
  try {
    cpSync(SCHEMA_DIR, dir, { recursive: true });
    const file = join(dir, 'klassifikation.graphql');
    const sdl = visit(parse(readFileSync(file, 'utf8')), {
      ObjectTypeDefinition(node) {
        if (node.name.value !== 'Klasse') return undefined;
        return { ...node, fields: node.fields?.filter((f) => f.name.value !== 'beskrivelse') };
      },
    });
    writeFileSync(file, print(sdl));
    return composeSupergraph(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a supergraph replaced while the gateway serves', () => {
  let dir: string;
  let file: string;
  let graph: StartedGraph;

  /** Writes beside the file, then renames over it, as deployment tools do. */
  const replace = (text: string): void => {
    const temp = join(dir, `.supergraph-${Date.now()}`);
    writeFileSync(temp, text);
    renameSync(temp, file);
  };

  /** Waits until `condition` holds; fails after `timeoutMs`. */
  async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
    const started = Date.now();
    while (!condition()) {
      if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'supergraph-'));
    file = join(dir, 'supergraph.graphql');
    writeFileSync(file, composeWithoutBeskrivelse());
    graph = await startGraph({ supergraphFile: file, supergraphPollMs: POLL_MS });
  });

  afterAll(async () => {
    await graph.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('swaps in a version with a new field under load without failing a request', async () => {
    const before = await graph.query(NEW_QUERY);
    expect(before.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const firstHash = graph.gateway.getSupergraphStatus().hash;

    // At least 200 queries, the replacement after the 20th, and at least 50 more once the new
    // version is in use: requests run before, across and after the swap.
    const minimum = 200;
    const concurrency = 10;
    let sent = 0;
    let afterSwap = 0;
    const failures: unknown[] = [];
    let replacedAt = 0;
    const swapped = (): boolean => graph.gateway.getSupergraphStatus().hash !== firstHash;
    const worker = async (): Promise<void> => {
      while (sent < minimum || afterSwap < 50) {
        sent += 1;
        if (sent === 20) {
          replace(readFileSync(SUPERGRAPH_FILE, 'utf8'));
          replacedAt = Date.now();
        }
        const { status, body } = await graph.query(OLD_QUERY);
        if (status !== 200 || body.errors || !body.data?.kle) failures.push({ status, body });
        if (swapped()) afterSwap += 1;
        if (sent > 10_000) throw new Error('the new version was never taken into use');
      }
    };
    const loadStarted = Date.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const loadMs = Date.now() - loadStarted;

    graph.resetCounts();
    const after = await graph.query(NEW_QUERY);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.kle).toHaveProperty('beskrivelse');
    // Still the configured subgraph URL, not the one composed into the supergraph.
    expect(graph.fetches.map((f) => f.service)).toEqual(['klassifikation']);

    const status = graph.gateway.getSupergraphStatus();
    expect(failures).toEqual([]);
    expect(status.hash).not.toBe(firstHash);
    expect(status.reloads).toEqual({ ok: 1, failed: 0 });
    // How soon the new version is in use is reported, not asserted: it depends on the machine's
    // load, and the swap itself is what the test checks.
    const swapMs = (status.loadedAt?.getTime() ?? Infinity) - replacedAt;
    process.stdout.write(
      `supergraph reload under load: ${sent} queries (concurrency ${concurrency}, ${afterSwap} ` +
        `after the swap) in ${loadMs} ms, ` +
        `${failures.length} failed; new version in use ${swapMs} ms after the replacement ` +
        `(poll ${POLL_MS} ms)\n`,
    );
  });

  it('keeps serving the version in use when the file does not parse, and counts the failure', async () => {
    const inUse = graph.gateway.getSupergraphStatus();
    replace(readFileSync(SUPERGRAPH_FILE, 'utf8').slice(0, 5000));
    await waitFor(
      () => graph.gateway.getSupergraphStatus().lastError === 'SUPERGRAPH_SYNTAX_ERROR',
      WAIT_LIMIT_MS,
    );
    const { body } = await graph.query(NEW_QUERY);
    expect(body.errors).toBeUndefined();
    expect(graph.gateway.getSupergraphStatus()).toMatchObject({
      hash: inUse.hash,
      reloads: { ok: inUse.reloads.ok, failed: inUse.reloads.failed + 1 },
    });
  });

  it('keeps serving the version in use when the file is not a valid supergraph', async () => {
    const inUse = graph.gateway.getSupergraphStatus();
    // Parses, but a field's type exists nowhere: no gateway can build a schema from it.
    const invalid = readFileSync(SUPERGRAPH_FILE, 'utf8').replace(
      /\n(\s+)beskrivelse: String\n/,
      '\n$1beskrivelse: Ukendt\n',
    );
    expect(invalid).toContain('beskrivelse: Ukendt');
    replace(invalid);
    await waitFor(
      () => graph.gateway.getSupergraphStatus().lastError === 'SUPERGRAPH_INVALID',
      WAIT_LIMIT_MS,
    );
    const { body } = await graph.query(NEW_QUERY);
    expect(body.errors).toBeUndefined();
    expect(graph.gateway.getSupergraphStatus()).toMatchObject({
      hash: inUse.hash,
      reloads: { ok: inUse.reloads.ok, failed: inUse.reloads.failed + 1 },
    });
    const metrics = await (await fetch(new URL('/metrics', graph.url))).text();
    expect(metrics).toContain('supergraph_reloads_total{outcome="ok"} 1');
    expect(metrics).toContain('supergraph_reloads_total{outcome="failed"} 2');
    expect(metrics).toContain(`supergraph_info{hash="${inUse.hash ?? ''}"} 1`);
    const logged = graph.logLines.filter((l) => l.includes('supergraph refused'));
    expect(logged).toHaveLength(2);
    expect(logged.join('')).not.toContain('beskrivelse');
  });
});
