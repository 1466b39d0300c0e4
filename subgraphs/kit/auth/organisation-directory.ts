/**
 * What a subgraph holding cases or documents needs to know of the organisation to apply a
 * privilege group: the organisation a CVR number names, and the units a unit restriction covers;
 * and, to check what a client writes, the organisation a unit belongs to.
 * Organisation structure is not personal data, so adapters may cache answers across requests.
 */
export interface OrganisationDirectory {
  /** The uuid of the organisation with this CVR number; null when there is none. */
  findOrganisationByCvr(cvr: string, token: string | null): Promise<string | null>;
  /** The unit and every unit below it; empty when the unit is unknown. */
  findEnhedSubtree(enhed: string, token: string | null): Promise<string[]>;
  /** The uuid of the organisation the unit belongs to; null when the unit is unknown. */
  findEnhedOrganisation(enhed: string, token: string | null): Promise<string | null>;
  /** The uuid of the organisation employing the user; null when the user is unknown. */
  findBrugerOrganisation(bruger: string, token: string | null): Promise<string | null>;
}

export interface StaticDirectoryData {
  /** CVR number → organisation uuid. */
  organisationer: Record<string, string>;
  /** Unit uuid → parent unit uuid (null for a root). */
  enheder: Record<string, string | null>;
  /**
   * Root unit uuid → the uuid of the organisation it heads; every unit below a root belongs to
   * the root's organisation. @default {} (no unit's organisation is known)
   */
  rodenheder?: Record<string, string>;
  /** User uuid → the uuid of the organisation employing the user. @default {} */
  brugere?: Record<string, string>;
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
  const parentOf = (enhed: string): string | null | undefined =>
    Object.hasOwn(data.enheder, enhed) ? data.enheder[enhed] : undefined;
  /** The root above (or at) the unit; null for an unknown unit or a cycle in the data. */
  const findRoot = (enhed: string): string | null => {
    const seen = new Set<string>([enhed]);
    let current = enhed;
    for (let parent = parentOf(current); parent !== undefined; parent = parentOf(current)) {
      if (parent === null) return current;
      if (seen.has(parent)) return null;
      seen.add(parent);
      current = parent;
    }
    return null;
  };
  return {
    findOrganisationByCvr: async (cvr) => data.organisationer[cvr] ?? null,
    findEnhedOrganisation: async (enhed) => {
      const root = findRoot(enhed);
      const rodenheder = data.rodenheder ?? {};
      return root !== null && Object.hasOwn(rodenheder, root) ? (rodenheder[root] ?? null) : null;
    },
    findBrugerOrganisation: async (bruger) => {
      const brugere = data.brugere ?? {};
      return Object.hasOwn(brugere, bruger) ? (brugere[bruger] ?? null) : null;
    },
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
