import type { Filter } from '../store/bitemporal-store';
import {
  FOELSOMHEDER,
  getGroupsWithRole,
  type Caller,
  type Foelsomhed,
  type PrivilegeGroup,
  type Role,
} from './caller';
import type { OrganisationDirectory } from './organisation-directory';
import { matchesKle } from './parse-kle-restriction';

/**
 * The attributes an access decision looks at, as a case or a document stores them. Documents
 * carry their case's attributes, so both are decided by the same rules.
 */
export interface AccessAttributes {
  /** uuid of the owning municipality. */
  organisation: string;
  /** The case's KLE number (`02.34.02`). */
  kleNummer: string;
  /** uuid of the responsible unit. */
  ansvarligEnhed: string;
  foelsomhed: Foelsomhed;
  /** CPR numbers of the citizens who are parties. */
  cpr: string[];
}

/** Where the attributes sit in the stored data, so grants can become store filters. */
export type AccessPaths = Record<keyof AccessAttributes, string>;

/** A privilege group made concrete: its municipality and covered units as uuids. */
export interface Grant {
  group: PrivilegeGroup;
  role: Role;
  organisation: string;
  /** Every unit covered (the restricted units and all below them); null when unrestricted. */
  enheder: ReadonlySet<string> | null;
}

/** The outcome of an access decision, with what the audit log records about it. */
export interface AccessDecision {
  allowed: boolean;
  /** The group that allowed it (users only). */
  grant: Grant | null;
}

/**
 * One caller's access to one kind of row for one role, evaluated once per request. Lists use
 * `getFilters` (pushed into the store query, so counts and pages reveal nothing); single objects
 * use `decide`. Both apply the same rules:
 * - a user may see a row when ONE of their groups holding the role covers it on every dimension
 *   (municipality, KLE, unit subtree, sensitivity) — restrictions never combine across groups;
 * - a citizen may read (never write) a row where their own CPR number is a party;
 * - an anonymous caller sees no row.
 */
export interface RowAccess {
  getFilters(): Promise<Filter[]>;
  decide(row: AccessAttributes): Promise<AccessDecision>;
}

export interface RowAccessOptions {
  caller: Caller;
  role: Role;
  directory: OrganisationDirectory;
  /** Passed to the directory, which may have to ask on the caller's behalf. */
  token: string | null;
  paths: AccessPaths;
}

/** What a citizen may do with rows concerning them: read, never write. */
const CITIZEN_ROLES: readonly Role[] = ['sag:laes', 'dokument:laes'];

const allowedLevels = (highest: Foelsomhed | null): Foelsomhed[] =>
  highest === null ? [...FOELSOMHEDER] : FOELSOMHEDER.slice(0, FOELSOMHEDER.indexOf(highest) + 1);

/** Resolves the caller's groups holding `role` against the directory. */
export async function getGrants(
  caller: Caller,
  role: Role,
  directory: OrganisationDirectory,
  token: string | null,
): Promise<Grant[]> {
  const grants: Grant[] = [];
  for (const group of getGroupsWithRole(caller, role)) {
    const organisation = await directory.findOrganisationByCvr(group.cvr, token);
    // A CVR the graph does not know grants nothing.
    if (organisation === null) continue;
    let enheder: Set<string> | null = null;
    if (group.enheder !== null) {
      enheder = new Set<string>();
      for (const enhed of group.enheder) {
        for (const covered of await directory.findEnhedSubtree(enhed, token)) enheder.add(covered);
      }
    }
    grants.push({ group, role, organisation, enheder });
  }
  return grants;
}

/** True when `grant` covers `row` on every dimension. */
export function coversRow(grant: Grant, row: AccessAttributes): boolean {
  const { group } = grant;
  return (
    row.organisation === grant.organisation &&
    (group.kle === null || group.kle.some((k) => matchesKle(k, row.kleNummer))) &&
    (grant.enheder === null || grant.enheder.has(row.ansvarligEnhed)) &&
    allowedLevels(group.foelsomhed).includes(row.foelsomhed)
  );
}

/**
 * Store filters equivalent to `coversRow` over all grants: one filter per grant and KLE
 * pattern (a filter holds one condition per path), exact KLE numbers sharing one filter.
 */
export function buildGrantFilters(grants: readonly Grant[], paths: AccessPaths): Filter[] {
  const filters: Filter[] = [];
  for (const grant of grants) {
    if (grant.enheder !== null && grant.enheder.size === 0) continue;
    const base: Filter = {
      [paths.organisation]: { eq: grant.organisation },
      [paths.foelsomhed]: { in: allowedLevels(grant.group.foelsomhed) },
      ...(grant.enheder === null ? {} : { [paths.ansvarligEnhed]: { in: [...grant.enheder] } }),
    };
    const kle = grant.group.kle;
    if (kle === null || kle.includes('*')) {
      filters.push(base);
      continue;
    }
    const exact = kle.filter((k) => !k.endsWith('.*'));
    if (exact.length > 0) filters.push({ ...base, [paths.kleNummer]: { in: exact } });
    for (const pattern of kle.filter((k) => k.endsWith('.*'))) {
      filters.push({ ...base, [paths.kleNummer]: { prefix: pattern.slice(0, -1) } });
    }
  }
  return filters;
}

export function createRowAccess(options: RowAccessOptions): RowAccess {
  const { caller, paths } = options;
  let grants: Promise<Grant[]> | undefined;
  const loadGrants = (): Promise<Grant[]> => {
    grants ??= getGrants(caller, options.role, options.directory, options.token);
    return grants;
  };
  return {
    async getFilters() {
      if (caller.kind === 'BORGER') {
        return CITIZEN_ROLES.includes(options.role) ? [{ [paths.cpr]: { eq: caller.cpr } }] : [];
      }
      if (caller.kind === 'ANONYM') return [];
      return buildGrantFilters(await loadGrants(), paths);
    },
    async decide(row) {
      if (caller.kind === 'BORGER') {
        const allowed = CITIZEN_ROLES.includes(options.role) && row.cpr.includes(caller.cpr);
        return { allowed, grant: null };
      }
      if (caller.kind === 'ANONYM') return { allowed: false, grant: null };
      const grant = (await loadGrants()).find((g) => coversRow(g, row)) ?? null;
      return { allowed: grant !== null, grant };
    },
  };
}
