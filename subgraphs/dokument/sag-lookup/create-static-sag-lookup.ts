import type { AccessAttributes } from '../../kit/auth/row-access';
import type { SagLookup } from './sag-lookup';

/**
 * A case index over fixed data, for tests: every caller sees every listed case, a citizen's own
 * cases are those listing their CPR number. `sager` is read at every call, so a test changes a
 * case by changing it. `fail` makes every lookup reject, as an unreachable index would; `calls`
 * counts the lookups made.
 */
export function createStaticSagLookup(
  sager: Record<string, AccessAttributes>,
  options: { fail?: boolean } = {},
): SagLookup & { calls: number } {
  const copy = (found: AccessAttributes): AccessAttributes => ({ ...found, cpr: [...found.cpr] });
  const lookup = {
    calls: 0,
    findSager: async (uuids: readonly string[]) => {
      lookup.calls += 1;
      if (options.fail) throw new Error('The case index is unavailable');
      return uuids.map((uuid) => {
        const found = Object.hasOwn(sager, uuid) ? sager[uuid] : undefined;
        return found ? copy(found) : null;
      });
    },
    findMineSager: async (cpr: string) => {
      lookup.calls += 1;
      if (options.fail) throw new Error('The case index is unavailable');
      return new Map(
        Object.entries(sager)
          .filter(([, found]) => found.cpr.includes(cpr))
          .map(([uuid, found]) => [uuid, copy(found)]),
      );
    },
  };
  return lookup;
}
