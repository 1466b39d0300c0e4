import type { CircuitState } from '../../subgraphs/kit/create-circuit-breaker';
import { createSlaRecorder } from '../status/create-sla-recorder';
import { createGatewayMetrics } from './create-gateway-metrics';

function setup(options: { maxOperationNames?: number; processMetrics?: boolean } = {}) {
  const sla = createSlaRecorder({ subgraphs: ['sag', 'bbr'] });
  const breakers: Record<string, CircuitState> = { sag: 'closed', bbr: 'closed' };
  const metrics = createGatewayMetrics({
    sla,
    getBreakerStates: () => breakers,
    processMetrics: false,
    ...options,
  });
  return { metrics, sla, breakers, text: () => metrics.registry.metrics() };
}

describe('createGatewayMetrics', () => {
  it('counts requests by operation and outcome, with their durations', async () => {
    const { metrics, text } = setup();
    metrics.recordRequest({ operation: 'SagListe', outcome: 'ok', durationMs: 40 });
    metrics.recordRequest({ operation: 'SagListe', outcome: 'ok', durationMs: 60 });
    metrics.recordRequest({ operation: 'anonymous', outcome: 'error', durationMs: 5 });
    metrics.recordRequest({ operation: undefined, outcome: 'rejected', durationMs: 1 });
    const output = await text();
    expect(output).toContain('gateway_requests_total{operation="SagListe",outcome="ok"} 2');
    expect(output).toContain('gateway_requests_total{operation="anonymous",outcome="error"} 1');
    expect(output).toContain('gateway_requests_total{operation="unknown",outcome="rejected"} 1');
    expect(output).toContain('gateway_request_duration_seconds_count{operation="SagListe"} 2');
    expect(output).toContain('gateway_request_duration_seconds_sum{operation="SagListe"} 0.1');
  });

  it('labels at most the configured number of operation names, the rest as "other"', async () => {
    const { metrics, text } = setup({ maxOperationNames: 3 });
    for (let i = 0; i < 50; i += 1) {
      metrics.recordRequest({ operation: `Op${i}`, outcome: 'ok', durationMs: 1 });
    }
    const output = await text();
    const operations = new Set(
      [...output.matchAll(/gateway_requests_total\{operation="(\w+)"/g)].map((m) => m[1]),
    );
    expect([...operations].sort()).toEqual(['Op0', 'Op1', 'Op2', 'other']);
    expect(output).toContain('gateway_requests_total{operation="other",outcome="ok"} 47');
  });

  it('counts subgraph errors by kind and times the attempts that were sent', async () => {
    const { metrics, text } = setup();
    metrics.recordFetch({ serviceName: 'bbr', outcome: 'ok', durationMs: 20 });
    metrics.recordFetch({ serviceName: 'bbr', outcome: 'timeout', durationMs: 300 });
    metrics.recordFetch({ serviceName: 'bbr', outcome: 'breaker_open', durationMs: 0 });
    const output = await text();
    expect(output).toContain('subgraph_fetch_errors_total{subgraph="bbr",kind="timeout"} 1');
    expect(output).toContain('subgraph_fetch_errors_total{subgraph="bbr",kind="breaker_open"} 1');
    expect(output).not.toContain('kind="ok"');
    expect(output).toContain('subgraph_fetch_duration_seconds_count{subgraph="bbr"} 2');
  });

  it('reads breaker states and availability at each scrape', async () => {
    const { sla, breakers, text } = setup();
    for (let i = 0; i < 4; i += 1) {
      sla.record({ serviceName: 'bbr', outcome: i === 0 ? 'http_5xx' : 'ok', durationMs: 5 });
    }
    breakers.bbr = 'open';
    let output = await text();
    expect(output).toContain('subgraph_breaker_state{subgraph="bbr"} 1');
    expect(output).toContain('subgraph_breaker_state{subgraph="sag"} 0');
    expect(output).toContain('subgraph_availability_ratio{subgraph="bbr",window="1h"} 0.75');
    expect(output).toContain('subgraph_availability_ratio{subgraph="bbr",window="24h"} 0.75');
    // No fetches yet: no ratio rather than a made-up one.
    expect(output).not.toContain('subgraph_availability_ratio{subgraph="sag"');
    breakers.bbr = 'half-open';
    output = await text();
    expect(output).toContain('subgraph_breaker_state{subgraph="bbr"} 2');
  });

  it('gives each gateway its own registry, with process metrics when asked', async () => {
    const first = setup({ processMetrics: true });
    const second = setup({ processMetrics: true });
    first.metrics.recordRequest({ operation: 'A', outcome: 'ok', durationMs: 1 });
    expect(await first.text()).toContain('process_cpu_user_seconds_total');
    expect(await first.text()).toContain('nodejs_eventloop_lag_seconds');
    expect(await second.text()).not.toContain('operation="A"');
  });
});
