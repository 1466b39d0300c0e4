import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createTestIssuer } from '../../subgraphs/kit/auth/testing/create-test-issuer';
import { createDevIssuerServer } from '../dev-issuer/create-dev-issuer-server';
import {
  readProcessUsage,
  startBenchProcess,
  waitForProcess,
  type BenchProcess,
} from './bench-process';
import { getBenchWorkloads, type Workload } from './bench-workloads';
import { generateBenchData } from './generate-bench-data';
import { installHiveGateway } from './install-hive-gateway';
import { renderBenchChart } from './render-bench-chart';
import type { LoadResult, LoadSpec } from './run-load';

export interface BenchOptions {
  /** Measured seconds per gateway, workload and round. */
  durationSeconds: number;
  /** Unmeasured seconds of the same load before each measured period. */
  warmupSeconds: number;
  connections: number;
  /** Rounds; each runs every workload on every gateway, in a rotated order. */
  rounds: number;
  /** Generated cases (each with its documents). */
  cases: number;
  documentsPerCase: number;
  partsPerDocument: number;
  /** Compare against Hive Gateway (installed on demand under `hiveDir`). */
  hive: boolean;
  hiveDir: string;
  /** JSON and SVG go here; the generated store under `<outDir>/store`. */
  outDir: string;
  /** First of the consecutive ports the bench listens on. */
  basePort: number;
  /** Workload ids to run (all when empty). */
  workloads: string[];
  /** Targets to measure (all when empty): ours, plain, hive, direct. */
  targets: string[];
  /** Where our gateway writes a CPU profile (`node --cpu-prof`) when it stops; none when null. */
  profileDir: string | null;
  log: (line: string) => void;
}

export const DEFAULT_BENCH_OPTIONS: Omit<BenchOptions, 'log'> = {
  durationSeconds: 10,
  warmupSeconds: 3,
  connections: 16,
  rounds: 2,
  cases: 1200,
  documentsPerCase: 2,
  partsPerDocument: 2,
  hive: true,
  hiveDir: join(__dirname, '..', '..', '.bench', 'hive'),
  outDir: join(__dirname, '..', '..', 'bench-results'),
  basePort: 4400,
  workloads: [],
  targets: [],
  profileDir: null,
};

export type TargetName = 'ours' | 'plain' | 'hive' | 'direct';

/** One measured period of one target under one workload. */
export interface BenchSample extends LoadResult {
  round: number;
  /** Gateway (or, for `direct`, the subgraph's) CPU per request. */
  gatewayCpuMsPerRequest: number;
  /** All subgraphs' CPU per request (for `direct`, the other subgraphs'). */
  subgraphsCpuMsPerRequest: number;
  /** Highest RSS of the gateway process sampled during the period. */
  peakRssMb: number;
  /** CPU per request of each subgraph process (the BBR upstream stand-in included). */
  subgraphCpuMsPerRequest: Record<string, number>;
}

export interface BenchRow {
  workload: string;
  target: TargetName;
  /** Why this target's timing does not count (its answer differed, it failed to start, …). */
  excluded: string | null;
  samples: BenchSample[];
  /** Medians over the samples. */
  median: Omit<BenchSample, 'round'> | null;
}

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; node: string };
  options: Omit<BenchOptions, 'log'>;
  data: { cases: number; documents: number; createdCases: number; createdDocuments: number };
  notes: string[];
  rows: BenchRow[];
  /** ours ÷ other, per workload, on the medians. */
  ratios: { workload: string; versus: TargetName; rps: number; gatewayCpu: number; p99: number }[];
}

const SUBGRAPHS = ['organisation', 'klassifikation', 'sag', 'dokument', 'bbr'] as const;
type SubgraphName = (typeof SUBGRAPHS)[number];
const ROOT = join(__dirname, '..', '..');
const TSX = ['--import', 'tsx'];
/** The offline BBR upstream's key, as in `npm start` (it guards fixture data only). */
const OFFLINE_BBR_API_KEY = 'offline-development-key';

function withoutLog(options: BenchOptions): Omit<BenchOptions, 'log'> {
  const copy: Partial<BenchOptions> = { ...options };
  delete copy.log;
  return copy as Omit<BenchOptions, 'log'>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function isReady(url: string): Promise<boolean> {
  const response = await fetch(url);
  return response.ok;
}

/** Answers a GraphQL POST with `{ __typename }`, the readiness probe every gateway shares. */
async function answersGraphQL(url: string, token: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return response.ok;
}

async function postGraphQL(url: string, body: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return response.json();
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
}

async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const load = startBenchProcess(
    'load',
    [...TSX, join(__dirname, 'run-load.ts'), JSON.stringify(spec)],
    {},
    ROOT,
  );
  let out = '';
  load.child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => load.child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load generator failed:\n${load.output()}`);
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as LoadResult;
}

/**
 * `npm run bench`: generates the data, starts the issuer, the subgraphs and each gateway in its
 * own process, checks that every gateway answers each workload with the same data, then measures
 * them in alternation and writes `bench.json` and `bench.svg` under `outDir`.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const { log } = options;
  const startedAt = new Date().toISOString();
  const storeDir = join(options.outDir, 'store');
  mkdirSync(storeDir, { recursive: true });
  const notes: string[] = [];
  log(`generating ${options.cases} cases × ${options.documentsPerCase} documents in ${storeDir}`);
  const generated = await generateBenchData({
    storeDir,
    cases: options.cases,
    documentsPerCase: options.documentsPerCase,
    partsPerDocument: options.partsPerDocument,
  });
  const port = (offset: number): number => options.basePort + offset;
  const issuerUrl = `http://127.0.0.1:${port(90)}`;
  const issuer = await createTestIssuer({ issuer: issuerUrl, audience: 'kommunegraf' });
  const issuerServer = createDevIssuerServer({ issuer: issuerUrl, jwks: issuer.jwks });
  await listen(issuerServer, port(90));
  const processes: BenchProcess[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(processes.map((p) => p.stop()));
    await new Promise<void>((resolve) => issuerServer.close(() => resolve()));
  };
  try {
    const auth = {
      AUTH_JWKS_URL: `${issuerUrl}/jwks.json`,
      AUTH_ISSUER: issuerUrl,
      AUTH_AUDIENCE: 'kommunegraf',
      NODE_ENV: 'production',
    };
    const subgraphPort: Record<SubgraphName, number> = {
      organisation: port(1),
      klassifikation: port(2),
      sag: port(3),
      dokument: port(4),
      bbr: port(5),
    };
    const subgraphUrl = (name: SubgraphName): string =>
      `http://127.0.0.1:${subgraphPort[name]}/graphql`;
    const bbrOffline = startBenchProcess(
      'bbr-offline',
      [...TSX, 'subgraphs/bbr/offline/main.ts'],
      { PORT: String(port(99)), OFFLINE_BBR_API_KEY: OFFLINE_BBR_API_KEY },
      ROOT,
    );
    processes.push(bbrOffline);
    const subgraphs = SUBGRAPHS.map((name) => {
      const started = startBenchProcess(
        name,
        [...TSX, `subgraphs/${name}/main.ts`],
        {
          ...auth,
          PORT: String(subgraphPort[name]),
          STORE: 'embedded',
          STORE_DIR: storeDir,
          SEED: 'true',
          ORGANISATION_URL: subgraphUrl('organisation'),
          KLASSIFIKATION_URL: subgraphUrl('klassifikation'),
          SAG_URL: subgraphUrl('sag'),
          // BBR's GraphQL shape, as `npm start` runs it, from the offline upstream.
          BBR_API_KIND: 'graphql',
          BBR_API_URL: `http://127.0.0.1:${port(99)}`,
          BBR_API_KEY: OFFLINE_BBR_API_KEY,
        },
        ROOT,
      );
      processes.push(started);
      return started;
    });
    await Promise.all(
      subgraphs.map((p, i) =>
        waitForProcess(p, () =>
          isReady(`http://127.0.0.1:${subgraphPort[SUBGRAPHS[i] as SubgraphName]}/ready`),
        ),
      ),
    );
    log('subgraphs ready');
    // The other gateways read the subgraph URLs from the supergraph: point it at the bench ports.
    let supergraph = readFileSync(join(ROOT, 'schema', 'supergraph.graphql'), 'utf8');
    for (const name of SUBGRAPHS) {
      supergraph = supergraph.replace(
        new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*`),
        `$1${subgraphUrl(name)}`,
      );
    }
    const supergraphFile = join(options.outDir, 'supergraph.graphql');
    writeFileSync(supergraphFile, supergraph);
    const gatewayUrl: Partial<Record<TargetName, string>> = {};
    const gatewayProcess: Partial<Record<TargetName, BenchProcess>> = {};
    const excludedTarget: Partial<Record<TargetName, string>> = {};
    const startGateway = (
      target: TargetName,
      args: string[],
      env: Record<string, string>,
      url: string,
    ): void => {
      const started = startBenchProcess(target, args, env, ROOT);
      processes.push(started);
      gatewayProcess[target] = started;
      gatewayUrl[target] = url;
    };
    const wanted = (target: TargetName): boolean =>
      options.targets.length === 0 || options.targets.includes(target);
    if (wanted('ours'))
      startGateway(
        'ours',
        [
          ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
          ...TSX,
          'gateway/main.ts',
        ],
        {
          ...auth,
          PORT: String(port(10)),
          // One address and a few tokens send all the load: the rate limits would answer most
          // of it with 429, and the other gateways have none.
          RATE_LIMIT_CALLER_PER_SECOND: '0',
          RATE_LIMIT_ADDRESS_PER_SECOND: '0',
          ...Object.fromEntries(
            SUBGRAPHS.map((n) => [`SUBGRAPH_URL_${n.toUpperCase()}`, subgraphUrl(n)]),
          ),
        },
        `http://127.0.0.1:${port(10)}/graphql`,
      );
    if (wanted('plain'))
      startGateway(
        'plain',
        [...TSX, join(__dirname, 'plain-gateway-main.ts')],
        { NODE_ENV: 'production', PORT: String(port(11)), SUPERGRAPH_FILE: supergraphFile },
        `http://127.0.0.1:${port(11)}/graphql`,
      );
    if (options.hive && wanted('hive')) {
      const hive = await installHiveGateway(options.hiveDir, log);
      if (hive.bin === null) {
        notes.push(`Hive Gateway not installed (${hive.reason})`);
        log(`Hive Gateway not installed (${hive.reason}); measuring without it`);
      } else {
        startGateway(
          'hive',
          [
            hive.bin,
            'supergraph',
            supergraphFile,
            '--port',
            String(port(12)),
            '--host',
            '127.0.0.1',
            '--config-path',
            hive.configFile,
          ],
          { NODE_ENV: 'production' },
          `http://127.0.0.1:${port(12)}/graphql`,
        );
      }
    } else {
      notes.push('Hive Gateway not measured (--no-hive)');
    }
    const probeToken = await issuer.sign({ sub: 'bench-probe' }, { expiresIn: '2h' });
    for (const [target, started] of Object.entries(gatewayProcess) as [
      TargetName,
      BenchProcess,
    ][]) {
      try {
        await waitForProcess(started, () => answersGraphQL(gatewayUrl[target] ?? '', probeToken));
      } catch (error) {
        excludedTarget[target] =
          `did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        log(`${target}: ${excludedTarget[target]}`);
      }
    }
    log(
      `gateways ready: ${Object.keys(gatewayProcess)
        .filter((t) => !excludedTarget[t as TargetName])
        .join(', ')}`,
    );

    const workloads = getBenchWorkloads().filter(
      (w) => options.workloads.length === 0 || options.workloads.includes(w.id),
    );
    const tokens = new Map<Workload, string[]>();
    for (const workload of workloads) {
      tokens.set(
        workload,
        await Promise.all(
          workload.callers.map((claims) => issuer.sign(claims, { expiresIn: '8h' })),
        ),
      );
    }
    const targetsOf = (workload: Workload): { target: TargetName; url: string; pid: number }[] => {
      const list: { target: TargetName; url: string; pid: number }[] = [];
      for (const target of ['ours', 'plain', 'hive'] as const) {
        const started = gatewayProcess[target];
        if (started && gatewayUrl[target])
          list.push({ target, url: gatewayUrl[target], pid: started.pid });
      }
      if (workload.directSubgraph && wanted('direct')) {
        const name = workload.directSubgraph as SubgraphName;
        const index = SUBGRAPHS.indexOf(name);
        const started = subgraphs[index];
        if (started) list.push({ target: 'direct', url: subgraphUrl(name), pid: started.pid });
      }
      return list;
    };

    // Identical data first: each target's answer to each workload must match ours, error-free.
    const rows: BenchRow[] = [];
    for (const workload of workloads) {
      const body = JSON.stringify({ query: workload.query, variables: workload.variables });
      const workloadTokens = tokens.get(workload) ?? [];
      let reference: string | null = null;
      for (const { target, url } of targetsOf(workload)) {
        const row: BenchRow = {
          workload: workload.id,
          target,
          excluded: excludedTarget[target] ?? null,
          samples: [],
          median: null,
        };
        rows.push(row);
        if (row.excluded) continue;
        const answers = await Promise.all(
          [
            ...new Set([workloadTokens[0] ?? '', workloadTokens[workloadTokens.length - 1] ?? '']),
          ].map((token) => postGraphQL(url, body, token)),
        );
        for (const answer of answers) {
          const { data, errors } = answer as { data?: unknown; errors?: unknown };
          const text = JSON.stringify(data ?? null);
          if (errors !== undefined || data === undefined || data === null) {
            row.excluded = `answered with errors: ${JSON.stringify(errors ?? null).slice(0, 200)}`;
          } else if (reference === null) {
            reference = text;
          } else if (text !== reference) {
            row.excluded = 'answered with other data than the first target';
          }
        }
        if (row.excluded) log(`${workload.id} ${target}: excluded, ${row.excluded}`);
      }
      const size = reference === null ? 0 : Buffer.byteLength(reference);
      log(`${workload.id} ${workload.title}: identical data checked (${size} bytes of data)`);
    }

    for (let round = 1; round <= options.rounds; round += 1) {
      for (const workload of workloads) {
        const body = JSON.stringify({ query: workload.query, variables: workload.variables });
        const targets = targetsOf(workload);
        // Alternate: each round starts one target later, so no target always follows another.
        const order = targets.map((_, i) => targets[(i + round - 1) % targets.length]);
        for (const entry of order) {
          if (!entry) continue;
          const row = rows.find((r) => r.workload === workload.id && r.target === entry.target);
          if (!row || row.excluded) continue;
          const spec: LoadSpec = {
            url: entry.url,
            body,
            tokens: tokens.get(workload) ?? [],
            connections: options.connections,
            durationSeconds: options.warmupSeconds,
          };
          if (options.warmupSeconds > 0) await runLoad(spec);
          const subgraphPids = [bbrOffline, ...subgraphs]
            .map((p) => p.pid)
            .filter((pid) => pid !== entry.pid);
          const cpuOf = (pids: number[]): number =>
            pids.reduce((sum, pid) => sum + (readProcessUsage(pid)?.cpuMs ?? 0), 0);
          let peakRssMb = 0;
          const sampler = setInterval(() => {
            peakRssMb = Math.max(peakRssMb, readProcessUsage(entry.pid)?.rssMb ?? 0);
          }, 200);
          const gatewayBefore = cpuOf([entry.pid]);
          const subgraphsBefore = cpuOf(subgraphPids);
          const eachBefore = [bbrOffline, ...subgraphs].map((p) => cpuOf([p.pid]));
          const result = await runLoad({ ...spec, durationSeconds: options.durationSeconds });
          const gatewayCpu = cpuOf([entry.pid]) - gatewayBefore;
          const subgraphsCpu = cpuOf(subgraphPids) - subgraphsBefore;
          const each = [bbrOffline, ...subgraphs].map((p, i) => [
            p.name,
            cpuOf([p.pid]) - (eachBefore[i] ?? 0),
          ]);
          clearInterval(sampler);
          peakRssMb = Math.max(peakRssMb, readProcessUsage(entry.pid)?.rssMb ?? 0);
          const requests = Math.max(1, result.requests);
          const sample: BenchSample = {
            ...result,
            round,
            gatewayCpuMsPerRequest: gatewayCpu / requests,
            subgraphsCpuMsPerRequest: subgraphsCpu / requests,
            peakRssMb,
            subgraphCpuMsPerRequest: Object.fromEntries(
              each.map(([name, ms]) => [name, Number(ms) / requests]),
            ),
          };
          row.samples.push(sample);
          log(
            `round ${round} ${workload.id} ${entry.target.padEnd(6)} ${result.rps.toFixed(1)} rps, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${result.errors}, ${sample.gatewayCpuMsPerRequest.toFixed(2)} cpu-ms/req (subgraphs ${sample.subgraphsCpuMsPerRequest.toFixed(2)}), rss ${peakRssMb.toFixed(0)} MB`,
          );
        }
      }
    }
    for (const row of rows) {
      if (row.samples.length === 0) continue;
      const pick = (key: keyof Omit<BenchSample, 'round' | 'subgraphCpuMsPerRequest'>): number =>
        median(row.samples.map((s) => s[key]));
      const names = Object.keys(row.samples[0]?.subgraphCpuMsPerRequest ?? {});
      row.median = {
        requests: pick('requests'),
        durationSeconds: pick('durationSeconds'),
        rps: pick('rps'),
        p50Ms: pick('p50Ms'),
        p99Ms: pick('p99Ms'),
        errors: row.samples.reduce((sum, s) => sum + s.errors, 0),
        gatewayCpuMsPerRequest: pick('gatewayCpuMsPerRequest'),
        subgraphsCpuMsPerRequest: pick('subgraphsCpuMsPerRequest'),
        peakRssMb: Math.max(...row.samples.map((s) => s.peakRssMb)),
        subgraphCpuMsPerRequest: Object.fromEntries(
          names.map((name) => [
            name,
            median(row.samples.map((s) => s.subgraphCpuMsPerRequest[name] ?? 0)),
          ]),
        ),
      };
    }
    const ratios: BenchReport['ratios'] = [];
    for (const workload of workloads) {
      const ours = rows.find((r) => r.workload === workload.id && r.target === 'ours')?.median;
      if (!ours) continue;
      for (const versus of ['plain', 'hive', 'direct'] as const) {
        const other = rows.find((r) => r.workload === workload.id && r.target === versus)?.median;
        if (!other) continue;
        ratios.push({
          workload: workload.id,
          versus,
          rps: ours.rps / Math.max(other.rps, 1e-9),
          gatewayCpu: ours.gatewayCpuMsPerRequest / Math.max(other.gatewayCpuMsPerRequest, 1e-9),
          p99: ours.p99Ms / Math.max(other.p99Ms, 1e-9),
        });
      }
    }
    const report: BenchReport = {
      startedAt,
      machine: { cpus: cpus().length, node: process.version },
      options: withoutLog(options),
      data: {
        cases: options.cases,
        documents: options.cases * options.documentsPerCase,
        ...generated,
      },
      notes,
      rows,
      ratios,
    };
    mkdirSync(options.outDir, { recursive: true });
    writeFileSync(join(options.outDir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(options.outDir, 'bench.svg'), renderBenchChart(report));
    return report;
  } finally {
    await stopAll();
  }
}
