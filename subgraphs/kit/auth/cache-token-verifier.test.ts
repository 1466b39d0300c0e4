import { cacheTokenVerifier } from './cache-token-verifier';
import type { Caller } from './caller';
import { UnauthenticatedError } from './create-token-verifier';

const T0 = Date.parse('2026-03-01T10:00:00Z');

function encode(part: object): string {
  return Buffer.from(JSON.stringify(part)).toString('base64url');
}

/** A token-shaped string with `sub` and `exp` (seconds); the fake verifier trusts its payload. */
function makeToken(sub: string, expMs: number): string {
  return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ sub, exp: expMs / 1000 })}.c2ln`;
}

function createCountingVerifier(): { verify: (token: string) => Promise<Caller>; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    verify: async (token) => {
      calls.push(token);
      if (token.startsWith('bad')) throw new UnauthenticatedError();
      const payload = JSON.parse(
        Buffer.from(token.split('.')[1] ?? '', 'base64url').toString(),
      ) as { sub: string };
      return { kind: 'BRUGER', subject: payload.sub, groups: [] };
    },
  };
}

describe('cacheTokenVerifier', () => {
  it('verifies a token once and answers it from the cache until it expires', async () => {
    let now = T0;
    const { verify, calls } = createCountingVerifier();
    const cached = cacheTokenVerifier(verify, { now: () => now });
    const token = makeToken('u1', T0 + 60_000);
    await expect(cached(token)).resolves.toEqual({ kind: 'BRUGER', subject: 'u1', groups: [] });
    now = T0 + 59_000;
    await expect(cached(token)).resolves.toMatchObject({ subject: 'u1' });
    expect(calls).toHaveLength(1);
    now = T0 + 60_000;
    await cached(token);
    expect(calls).toHaveLength(2);
  });

  it('keeps each token apart and re-verifies after the longest cache time', async () => {
    let now = T0;
    const { verify, calls } = createCountingVerifier();
    const cached = cacheTokenVerifier(verify, { now: () => now, maxTtlMs: 1000 });
    const a = makeToken('a', T0 + 3_600_000);
    const b = makeToken('b', T0 + 3_600_000);
    await expect(cached(a)).resolves.toMatchObject({ subject: 'a' });
    await expect(cached(b)).resolves.toMatchObject({ subject: 'b' });
    await expect(cached(a)).resolves.toMatchObject({ subject: 'a' });
    expect(calls).toEqual([a, b]);
    now = T0 + 1000;
    await cached(a);
    expect(calls).toEqual([a, b, a]);
  });

  it('never caches a refusal', async () => {
    const { verify, calls } = createCountingVerifier();
    const cached = cacheTokenVerifier(verify, { now: () => T0 });
    await expect(cached('bad.token.x')).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(cached('bad.token.x')).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(calls).toHaveLength(2);
  });

  it('drops the least recently used token beyond its bound', async () => {
    const { verify, calls } = createCountingVerifier();
    const cached = cacheTokenVerifier(verify, { now: () => T0, maxEntries: 2 });
    const [a, b, c] = ['a', 'b', 'c'].map((sub) => makeToken(sub, T0 + 60_000));
    for (const token of [a, b, c, b, a]) await cached(token ?? '');
    // a was dropped when c came in; b stayed.
    expect(calls).toEqual([a, b, c, a]);
  });

  it('hands out callers no request can change for the next one', async () => {
    const { verify } = createCountingVerifier();
    const cached = cacheTokenVerifier(verify, { now: () => T0 });
    const caller = await cached(makeToken('u1', T0 + 60_000));
    expect(Object.isFrozen(caller)).toBe(true);
    if (caller.kind === 'BRUGER') expect(Object.isFrozen(caller.groups)).toBe(true);
  });
});
