import { createEmbeddedStore } from '../../kit/store/embedded-store';
import { allocateSagsnummer, formatSagsnummer } from './allocate-sagsnummer';

const ORG_A = '78f0e414-e7c8-5349-ba36-51ef76ee671d';
const ORG_B = '7aa7384b-afae-5bf5-8bb7-e622604acebd';

describe('allocateSagsnummer', () => {
  it('formats YYYY-NNNNNN', () => {
    expect(formatSagsnummer(2026, 123)).toBe('2026-000123');
  });

  it('counts per municipality and per year', async () => {
    const store = createEmbeddedStore();
    const tid = new Date('2026-03-01T10:00:00Z');
    expect(await allocateSagsnummer(store, ORG_A, tid)).toBe('2026-000001');
    expect(await allocateSagsnummer(store, ORG_A, tid)).toBe('2026-000002');
    expect(await allocateSagsnummer(store, ORG_B, tid)).toBe('2026-000001');
    expect(await allocateSagsnummer(store, ORG_A, new Date('2025-06-01T10:00:00Z'))).toBe(
      '2025-000001',
    );
  });

  it('uses the Danish calendar year: 31 December 23:30 UTC is already next year', async () => {
    const store = createEmbeddedStore();
    expect(await allocateSagsnummer(store, ORG_A, new Date('2025-12-31T23:30:00Z'))).toBe(
      '2026-000001',
    );
  });
});
