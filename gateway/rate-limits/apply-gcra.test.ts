import { applyGcra } from './apply-gcra';

const TEN_PER_SECOND = { ratePerSecond: 10, burst: 5 };

/** Sends one request at each time in `times` (ms) and tells which were let through. */
function run(times: number[], limit = TEN_PER_SECOND): boolean[] {
  let tat: number | null = null;
  return times.map((now) => {
    const decision = applyGcra(tat, now, limit);
    tat = decision.tat;
    return decision.allowed;
  });
}

describe('applyGcra', () => {
  it('lets a burst through at once, then refuses until an interval has passed', () => {
    expect(run([0, 0, 0, 0, 0, 0])).toEqual([true, true, true, true, true, false]);
    const full = applyGcra(500, 0, TEN_PER_SECOND);
    expect(full).toEqual({ allowed: false, retryAfterMs: 100, tat: 500 });
    expect(applyGcra(500, 100, TEN_PER_SECOND)).toEqual({
      allowed: true,
      retryAfterMs: 0,
      tat: 600,
    });
  });

  it('holds a caller sending without pause to the steady rate after the burst', () => {
    // One request every 10 ms for 2 s: a burst of 5 (0 to 40 ms), then one at each of 100, 200,
    // …, 1900 ms.
    const times = Array.from({ length: 200 }, (_, i) => i * 10);
    const allowed = run(times);
    expect(allowed.filter(Boolean)).toHaveLength(5 + 19);
    const allowedAfterBurst = times.filter((time, i) => allowed[i] && time >= 100);
    for (let i = 1; i < allowedAfterBurst.length; i += 1) {
      expect((allowedAfterBurst[i] ?? 0) - (allowedAfterBurst[i - 1] ?? 0)).toBeGreaterThanOrEqual(
        100,
      );
    }
  });

  it('does not charge a refused request', () => {
    const refused = applyGcra(500, 0, TEN_PER_SECOND);
    const again = applyGcra(refused.tat, 0, TEN_PER_SECOND);
    expect(again).toEqual(refused);
  });

  it('gives a key that has been quiet its whole burst again', () => {
    expect(run([0, 0, 0, 0, 0, 0, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000])).toEqual([
      ...[true, true, true, true, true, false],
      ...[true, true, true, true, true, false],
    ]);
  });

  it('takes fractional rates: one request every 2 s', () => {
    expect(run([0, 1000, 1999, 2000], { ratePerSecond: 0.5, burst: 1 })).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });
});
