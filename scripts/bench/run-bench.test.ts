import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBenchReport } from './format-bench-report';
import { DEFAULT_BENCH_OPTIONS, runBench, type BenchReport } from './run-bench';

/**
 * Runs `npm run bench` once, as small as it gets (a few cases, one second per target, no Hive
 * Gateway), so that it cannot rot: every process must start, every target must answer every
 * workload with the same data, and the report must be written. No figure is judged here.
 */
describe('npm run bench', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-'));
  let report: BenchReport;

  beforeAll(async () => {
    report = await runBench({
      ...DEFAULT_BENCH_OPTIONS,
      durationSeconds: 1,
      warmupSeconds: 0,
      connections: 2,
      rounds: 1,
      cases: 12,
      documentsPerCase: 1,
      partsPerDocument: 1,
      hive: false,
      outDir,
      // Away from the ports of `npm start` and of other runs of this test.
      basePort: 20_000 + Math.floor(Math.random() * 200) * 100,
      log: () => undefined,
    });
  }, 180_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('measures ours and plain @apollo/gateway on every workload, and the subgraph directly for W1', () => {
    const measured = report.rows.map((row) => `${row.workload} ${row.target}`);
    expect(measured).toEqual([
      'W1 ours',
      'W1 plain',
      'W1 direct',
      'W2 ours',
      'W2 plain',
      'W3 ours',
      'W3 plain',
      'W4 ours',
      'W4 plain',
    ]);
    for (const row of report.rows) {
      expect({ target: `${row.workload} ${row.target}`, excluded: row.excluded }).toEqual({
        target: `${row.workload} ${row.target}`,
        excluded: null,
      });
      expect(row.median?.requests).toBeGreaterThan(0);
      expect(row.median?.errors).toBe(0);
      expect(row.median?.peakRssMb).toBeGreaterThan(0);
    }
    expect(report.notes).toContain('Hive Gateway not measured (--no-hive)');
  });

  it('writes the JSON report and the chart, and prints the ratios', () => {
    const written = JSON.parse(readFileSync(join(outDir, 'bench.json'), 'utf8')) as BenchReport;
    expect(written.rows).toHaveLength(report.rows.length);
    expect(existsSync(join(outDir, 'bench.svg'))).toBe(true);
    expect(readFileSync(join(outDir, 'bench.svg'), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*<rect/);
    const printed = formatBenchReport(report);
    expect(printed).toContain('W2       ours/plain');
    expect(printed).toContain('W1       ours/direct');
  });
});
