import type { AccessAttributes, RowAccess } from '../../kit/auth/row-access';
import type { Filter } from '../../kit/store/bitemporal-store';
import { getReadableFoelsomheder } from './get-readable-foelsomheder';

/**
 * Store filters (for a search's `anyOf`) matching exactly the documents the caller may read among
 * those of `sager`, decided on the cases' current attributes: one filter per highest readable
 * sensitivity, naming its cases and the document sensitivities allowed on them (so at most three
 * filters, whatever the number of cases). Empty when no document of these cases is readable, which
 * matches nothing.
 */
export async function buildReadableDokumentFilters(
  readAccess: RowAccess,
  sager: ReadonlyMap<string, AccessAttributes>,
): Promise<Filter[]> {
  const byLevels = new Map<string, { levels: string[]; sager: string[] }>();
  for (const [uuid, sagAdgang] of sager) {
    const levels = await getReadableFoelsomheder(readAccess, sagAdgang);
    if (levels.length === 0) continue;
    const key = levels.join(',');
    const group = byLevels.get(key) ?? { levels, sager: [] };
    group.sager.push(uuid);
    byLevels.set(key, group);
  }
  return [...byLevels.values()].map(({ levels, sager: uuids }) => ({
    sag: { in: uuids },
    foelsomhed: { in: levels },
  }));
}
