import type { SubgraphFetchOutcome } from '../subgraph-calls/subgraph-fetch-event';
import { createSlaRecorder } from './create-sla-recorder';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function setup(subgraphs: string[] = []) {
  let time = Date.UTC(2026, 4, 1, 8, 0, 0);
  const recorder = createSlaRecorder({ subgraphs, now: () => time });
  return {
    recorder,
    advance: (ms: number) => {
      time += ms;
    },
    record: (serviceName: string, outcome: SubgraphFetchOutcome, durationMs = 10, times = 1) => {
      for (let i = 0; i < times; i += 1) recorder.record({ serviceName, outcome, durationMs });
    },
  };
}

describe('createSlaRecorder', () => {
  it('reports availability as the share of successful fetches, with errors by kind', () => {
    const { recorder, record } = setup();
    record('sag', 'ok', 10, 7);
    record('sag', 'http_5xx');
    record('sag', 'timeout');
    record('sag', 'breaker_open', 0);
    const hour = recorder.getReport().subgraphs.sag?.['1h'];
    expect(hour).toMatchObject({ fetches: 10, succeeded: 7, availability: 0.7 });
    expect(hour?.errors).toEqual({
      timeout: 1,
      connection: 0,
      http_5xx: 1,
      http_429: 0,
      too_large: 0,
      invalid_body: 0,
      breaker_open: 1,
    });
  });

  it('lists the known subgraphs before their first fetch, with no availability yet', () => {
    const { recorder } = setup(['sag', 'bbr']);
    const report = recorder.getReport();
    expect(Object.keys(report.subgraphs)).toEqual(['bbr', 'sag']);
    expect(report.subgraphs.sag?.['24h']).toMatchObject({
      fetches: 0,
      availability: null,
      latencyMs: null,
    });
  });

  it('estimates percentiles from the latency classes, leaving out calls the breaker refused', () => {
    const { recorder, record } = setup();
    record('bbr', 'ok', 20, 90);
    record('bbr', 'ok', 300, 9);
    record('bbr', 'timeout', 5000);
    record('bbr', 'breaker_open', 0, 50);
    const latency = recorder.getReport().subgraphs.bbr?.['1h'].latencyMs;
    // 90 of 100 in (10, 25], 9 in (250, 400], 1 in (4000, 6000].
    expect(latency?.p50).toBeGreaterThan(10);
    expect(latency?.p50).toBeLessThanOrEqual(25);
    expect(latency?.p95).toBeGreaterThan(250);
    expect(latency?.p95).toBeLessThanOrEqual(400);
    expect(latency?.p99).toBeLessThanOrEqual(400);
    expect(latency?.p99).toBeGreaterThan(250);
  });

  it('rolls the hour and the day forward: old minutes drop out of each window', () => {
    const { recorder, record, advance } = setup();
    record('sag', 'http_5xx', 10, 3);
    advance(30 * MINUTE);
    record('sag', 'ok', 10, 7);
    let report = recorder.getReport().subgraphs.sag;
    expect([report?.['1h'].availability, report?.['24h'].availability]).toEqual([0.7, 0.7]);

    advance(31 * MINUTE);
    report = recorder.getReport().subgraphs.sag;
    expect([report?.['1h'].fetches, report?.['1h'].availability]).toEqual([7, 1]);
    expect(report?.['24h'].fetches).toBe(10);

    // The ok minute is now the oldest one the day holds.
    advance(24 * HOUR - 32 * MINUTE);
    report = recorder.getReport().subgraphs.sag;
    expect([report?.['1h'].fetches, report?.['24h'].fetches]).toEqual([0, 7]);
    advance(MINUTE);
    expect(recorder.getReport().subgraphs.sag?.['24h']).toMatchObject({
      fetches: 0,
      availability: null,
    });
  });

  it('keeps at most one day of minute buckets per subgraph, however long it runs', () => {
    const { recorder, record, advance } = setup();
    for (let minute = 0; minute < 3 * 24 * 60; minute += 1) {
      record('sag', 'ok', 10, 5);
      record('bbr', minute % 10 === 0 ? 'connection' : 'ok');
      advance(MINUTE);
    }
    expect(recorder.getBucketCount()).toBe(2 * 24 * 60);
    const report = recorder.getReport().subgraphs;
    // The current minute is empty; the 1,439 before it are in the day.
    expect(report.sag?.['24h'].fetches).toBe(1439 * 5);
    expect(report.sag?.['1h'].fetches).toBe(59 * 5);
    // Minutes 2881 to 4319; every tenth failed.
    expect(report.bbr?.['24h'].errors.connection).toBe(143);
  });
});
