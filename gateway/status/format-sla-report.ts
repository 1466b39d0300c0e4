import { SUBGRAPH_FETCH_FAILURES } from '../subgraph-calls/subgraph-fetch-event';
import { SLA_WINDOWS, type SlaWindow } from './create-sla-recorder';
import type { GatewayStatus } from './get-gateway-status';

const HEADINGS = [
  'subgraph',
  'window',
  'breaker',
  'fetches',
  'availability',
  'errors',
  'p50 ms',
  'p95 ms',
  'p99 ms',
];
/** Columns aligned right: the numbers. */
const NUMERIC = new Set([3, 4, 6, 7, 8]);

function formatPercent(availability: number | null): string {
  if (availability === null) return '-';
  // Two decimals: an SLA of 99.9 % must not show as 100 %.
  return `${(Math.floor(availability * 10000) / 100).toFixed(2)} %`;
}

function formatMs(value: number | undefined): string {
  return value === undefined ? '-' : String(value);
}

/**
 * The service level of each subgraph supplier as a plain-text table: one row per subgraph and
 * window, the errors by kind (only the kinds that occurred), latency percentiles in ms.
 */
export function formatSlaReport(status: GatewayStatus): string {
  const rows: string[][] = [];
  for (const [name, windows] of Object.entries(status.subgraphs)) {
    for (const window of Object.keys(SLA_WINDOWS) as SlaWindow[]) {
      const report = windows[window];
      const errors = SUBGRAPH_FETCH_FAILURES.filter((kind) => report.errors[kind] > 0)
        .map((kind) => `${kind} ${report.errors[kind]}`)
        .join(', ');
      rows.push([
        name,
        window,
        status.breakers[name] ?? '-',
        String(report.fetches),
        formatPercent(report.availability),
        errors || '-',
        formatMs(report.latencyMs?.p50),
        formatMs(report.latencyMs?.p95),
        formatMs(report.latencyMs?.p99),
      ]);
    }
  }
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return NUMERIC.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const table = [line(HEADINGS), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
  const empty = rows.length === 0 ? ['(no subgraphs)'] : [];
  return [`Subgraph service levels at ${status.generatedAt}`, '', ...table, ...empty, ''].join(
    '\n',
  );
}
