import type { AccessAttributes } from '../../kit/auth/row-access';
import type { SagLookup } from './sag-lookup';

/**
 * A case index over fixed data, for tests: every caller sees every listed case. `fail` makes
 * every lookup reject, as an unreachable index would.
 */
export function createStaticSagLookup(
  sager: Record<string, AccessAttributes>,
  options: { fail?: boolean } = {},
): SagLookup {
  return {
    findSag: async (uuid) => {
      if (options.fail) throw new Error('The case index is unavailable');
      const found = sager[uuid];
      return found ? { ...found, cpr: [...found.cpr] } : null;
    },
  };
}
