import { Registry } from 'prom-client';
import { createEmbeddedStore } from '../store/embedded-store';
import { measureStore } from './measure-store';

const at = { virkningstid: new Date(), registreringstid: new Date() };

async function countOf(registry: Registry, operation: string): Promise<number> {
  const text = await registry.metrics();
  const series = `store_operation_duration_seconds_count{service="test",operation="${operation}"}`;
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('measureStore', () => {
  it('times each store operation once per call, failed calls included', async () => {
    const registry = new Registry();
    const { store, histogram } = measureStore(createEmbeddedStore(), { service: 'test' });
    registry.registerMetric(histogram);
    const uuid = '6f1f7a52-0d3c-4d6c-9a7e-1b2c3d4e5f60';
    await store.append({
      type: 'Ting',
      uuid,
      expectedVersion: 0,
      livscyklus: 'OPSTAAET',
      aktoer: 'test',
      virkninger: [{ fra: new Date(0), til: null, data: { navn: 'a' } }],
    });
    await expect(
      store.append({
        type: 'Ting',
        uuid,
        expectedVersion: 0,
        livscyklus: 'OPSTAAET',
        aktoer: 'test',
        virkninger: [],
      }),
    ).rejects.toThrow();
    await store.findByIds('Ting', [uuid], at);
    await store.findByIds('Ting', [uuid], at);
    await store.search({ type: 'Ting', at, first: 10 });
    await store.findHistory('Ting', uuid);
    await store.nextSequence('sagsnummer');
    await store.ping();
    expect(await countOf(registry, 'append')).toBe(2);
    expect(await countOf(registry, 'findByIds')).toBe(2);
    expect(await countOf(registry, 'search')).toBe(1);
    expect(await countOf(registry, 'findHistory')).toBe(1);
    expect(await countOf(registry, 'nextSequence')).toBe(1);
    expect(await registry.metrics()).not.toContain('operation="ping"');
    await store.close();
  });
});
