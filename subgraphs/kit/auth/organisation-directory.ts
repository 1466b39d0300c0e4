/**
 * What a subgraph holding cases or documents needs to know of the organisation to apply a
 * privilege group: the organisation a CVR number names, and the units a unit restriction covers.
 * Organisation structure is not personal data, so adapters may cache answers across requests.
 */
export interface OrganisationDirectory {
  /** The uuid of the organisation with this CVR number; null when there is none. */
  findOrganisationByCvr(cvr: string, token: string | null): Promise<string | null>;
  /** The unit and every unit below it; empty when the unit is unknown. */
  findEnhedSubtree(enhed: string, token: string | null): Promise<string[]>;
}

export interface StaticDirectoryData {
  /** CVR number → organisation uuid. */
  organisationer: Record<string, string>;
  /** Unit uuid → parent unit uuid (null for a root). */
  enheder: Record<string, string | null>;
}

/** A directory over fixed data: for tests and for services whose seed knows the tree. */
export function createStaticOrganisationDirectory(
  data: StaticDirectoryData,
): OrganisationDirectory {
  const children = new Map<string, string[]>();
  for (const [enhed, parent] of Object.entries(data.enheder)) {
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), enhed]);
  }
  return {
    findOrganisationByCvr: async (cvr) => data.organisationer[cvr] ?? null,
    findEnhedSubtree: async (enhed) => {
      if (!(enhed in data.enheder)) return [];
      const result: string[] = [];
      const queue = [enhed];
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        result.push(next);
        queue.push(...(children.get(next) ?? []));
      }
      return result;
    },
  };
}
