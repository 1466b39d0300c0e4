import { BadUserInputError } from '../../domain-error';
import { createEmbeddedStore } from '../embedded-store';
import { runIdempotent, type IdempotentOptions } from './run-idempotent';

describe('runIdempotent', () => {
  let clock: number;
  let writes: number;
  const store = createEmbeddedStore();
  const options = (overrides: Partial<IdempotentOptions> = {}): IdempotentOptions => ({
    store,
    key: 'k',
    scope: 'bruger-1',
    operation: 'opret',
    input: { titel: 'a', tal: [1, 2] },
    now: () => new Date(clock),
    ttlMs: 1000,
    leaseMs: 100,
    ...overrides,
  });
  const write = async (): Promise<{ n: number }> => {
    writes += 1;
    return { n: writes };
  };

  beforeEach(() => {
    clock = Date.parse('2026-01-01T00:00:00Z');
    writes = 0;
  });

  it('runs a write once per key, whatever the order of the input keys', async () => {
    const key = 'order';
    expect(await runIdempotent(options({ key }), write)).toEqual({ n: 1 });
    const reordered = options({ key, input: { tal: [1, 2], titel: 'a' } });
    expect(await runIdempotent(reordered, write)).toEqual({ n: 1 });
    expect(writes).toBe(1);
  });

  it('refuses a second request while the first is under way, then answers it once done', async () => {
    let finish: () => void = () => undefined;
    const slow = (): Promise<{ n: number }> =>
      new Promise((resolve) => {
        finish = () => resolve({ n: 7 });
      });
    const first = runIdempotent(options({ key: 'slow' }), slow);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(runIdempotent(options({ key: 'slow' }), write)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_IN_USE',
    });
    finish();
    expect(await first).toEqual({ n: 7 });
    expect(await runIdempotent(options({ key: 'slow' }), write)).toEqual({ n: 7 });
    expect(writes).toBe(0);
  });

  it('releases the key when the write fails, so the retry runs it', async () => {
    const failing = async (): Promise<never> => {
      throw new BadUserInputError('nej');
    };
    await expect(runIdempotent(options({ key: 'fail' }), failing)).rejects.toThrow('nej');
    expect(await runIdempotent(options({ key: 'fail' }), write)).toEqual({ n: 1 });
  });

  it('starts afresh once the key has expired, and lets a retry take over an abandoned claim', async () => {
    await runIdempotent(options({ key: 'ttl' }), write);
    clock += 999;
    expect(await runIdempotent(options({ key: 'ttl' }), write)).toEqual({ n: 1 });
    clock += 1;
    expect(await runIdempotent(options({ key: 'ttl' }), write)).toEqual({ n: 2 });

    // A first request that never finished (its process died) holds the key for the lease only.
    void runIdempotent(options({ key: 'lease' }), () => new Promise<never>(() => undefined));
    await new Promise((resolve) => setImmediate(resolve));
    await expect(runIdempotent(options({ key: 'lease' }), write)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_IN_USE',
    });
    clock += 100;
    expect(await runIdempotent(options({ key: 'lease' }), write)).toEqual({ n: 3 });
  });

  it('keeps keys apart by caller and operation, and runs every write without a key', async () => {
    await runIdempotent(options({ key: 'apart' }), write);
    await runIdempotent(options({ key: 'apart', scope: 'bruger-2' }), write);
    await runIdempotent(options({ key: 'apart', operation: 'skift' }), write);
    await runIdempotent(options({ key: null }), write);
    await runIdempotent(options({ key: null }), write);
    expect(writes).toBe(5);
  });
});
