import { createSlaRecorder } from './create-sla-recorder';
import { formatSlaReport } from './format-sla-report';

describe('formatSlaReport', () => {
  it('prints one aligned row per subgraph and window with availability, errors and percentiles', () => {
    const sla = createSlaRecorder({ subgraphs: ['bbr', 'sag'], now: () => Date.UTC(2026, 4, 1) });
    for (let i = 0; i < 997; i += 1)
      sla.record({ serviceName: 'sag', outcome: 'ok', durationMs: 20 });
    sla.record({ serviceName: 'sag', outcome: 'http_5xx', durationMs: 30 });
    sla.record({ serviceName: 'sag', outcome: 'timeout', durationMs: 5000 });
    sla.record({ serviceName: 'sag', outcome: 'timeout', durationMs: 5000 });
    const text = formatSlaReport({
      ...sla.getReport(),
      breakers: { sag: 'closed', bbr: 'open' },
    });
    expect(text.split('\n')).toEqual([
      'Subgraph service levels at 2026-05-01T00:00:00.000Z',
      '',
      'subgraph  window  breaker  fetches  availability  errors                 p50 ms  p95 ms  p99 ms',
      '--------  ------  -------  -------  ------------  ---------------------  ------  ------  ------',
      'bbr       1h      open           0             -  -                           -       -       -',
      'bbr       24h     open           0             -  -                           -       -       -',
      'sag       1h      closed      1000       99.70 %  timeout 2, http_5xx 1    17.5    24.3    24.9',
      'sag       24h     closed      1000       99.70 %  timeout 2, http_5xx 1    17.5    24.3    24.9',
      '',
    ]);
  });

  it('never rounds an availability up to 100 %', () => {
    const sla = createSlaRecorder();
    for (let i = 0; i < 99_999; i += 1)
      sla.record({ serviceName: 'sag', outcome: 'ok', durationMs: 1 });
    sla.record({ serviceName: 'sag', outcome: 'connection', durationMs: 1 });
    expect(formatSlaReport({ ...sla.getReport(), breakers: {} })).toContain('99.99 %');
  });

  it('says so when the gateway has no subgraphs', () => {
    const text = formatSlaReport({ generatedAt: 'x', subgraphs: {}, breakers: {} });
    expect(text).toContain('(no subgraphs)');
  });
});
