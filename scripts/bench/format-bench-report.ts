import type { BenchReport } from './run-bench';

const fixed = (value: number, digits = 1): string => value.toFixed(digits);

/** The report as printed by `npm run bench`: one line per workload and target, then the ratios. */
export function formatBenchReport(report: BenchReport): string {
  const lines: string[] = [];
  const { options, machine, data } = report;
  lines.push(
    `kommunegraf bench, ${report.startedAt}: ${machine.cpus} cores (shared: other processes on the machine count), node ${machine.node}`,
    `${data.cases} generated cases, ${data.documents} documents; ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured, ${options.rounds} alternating round(s); medians`,
    ...report.notes.map((note) => `note: ${note}`),
    '',
    'workload target      rps   p50 ms   p99 ms  errors  gw cpu-ms/req  subgraphs cpu-ms/req  peak rss MB',
  );
  for (const row of report.rows) {
    const head = `${row.workload.padEnd(8)} ${row.target.padEnd(6)}`;
    if (!row.median) {
      lines.push(`${head}  not counted: ${row.excluded ?? 'no sample'}`);
      continue;
    }
    const m = row.median;
    lines.push(
      `${head} ${fixed(m.rps).padStart(8)} ${fixed(m.p50Ms).padStart(8)} ${fixed(m.p99Ms).padStart(8)} ${String(m.errors).padStart(7)} ${fixed(m.gatewayCpuMsPerRequest, 2).padStart(14)} ${fixed(m.subgraphsCpuMsPerRequest, 2).padStart(21)} ${fixed(m.peakRssMb, 0).padStart(12)}`,
    );
  }
  lines.push('', 'subgraph cpu-ms/req by process (with our gateway in front):');
  for (const row of report.rows) {
    if (row.target !== 'ours' || !row.median) continue;
    const parts = Object.entries(row.median.subgraphCpuMsPerRequest).map(
      ([name, ms]) => `${name} ${fixed(ms, 2)}`,
    );
    lines.push(`${row.workload.padEnd(8)} ${parts.join(', ')}`);
  }
  lines.push('', 'ratios (ours ÷ other): rps, gateway cpu-ms/req, p99');
  for (const ratio of report.ratios) {
    lines.push(
      `${ratio.workload.padEnd(8)} ours/${ratio.versus.padEnd(6)} rps ×${fixed(ratio.rps, 2)}  cpu ×${fixed(ratio.gatewayCpu, 2)}  p99 ×${fixed(ratio.p99, 2)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
