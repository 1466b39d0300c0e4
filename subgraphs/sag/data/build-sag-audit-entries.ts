import type { AccessDecision } from '../../kit/auth/row-access';
import type { AuditEntry } from '../../kit/audit/create-request-audit';
import type { Filter } from '../../kit/store/bitemporal-store';
import { getSagCpr } from '../sag/get-sag-cpr';
import { OBJEKT_TYPE } from '../sag/sag-data';
import type { SagNode } from './to-sag-node';

/** A case that was read or found, with the decision that let the caller see it (or not). */
export interface DecidedSag {
  sag: SagNode;
  decision: AccessDecision;
}

export interface SagSearchAudit {
  /** The search criteria as plain JSON. */
  soegekriterier: Record<string, unknown>;
  /** CPR numbers the criteria name: the person searched for is concerned even without a hit. */
  cpr: string[];
  /**
   * The municipalities the search ran over (see getSearchedOrganisations): a search that found
   * nothing is recorded as concerning each of them, or none for a citizen's.
   */
  organisationer: readonly string[];
}

const READ_ROLE = 'sag:laes';

/**
 * Cases grouped by the municipality that owns them and the privilege group that decided them
 * (none for citizens and refusals), so each record names one municipality whose data it concerns.
 */
function groupByGrant(decided: readonly DecidedSag[]): DecidedSag[][] {
  const groups = new Map<string, DecidedSag[]>();
  for (const item of decided) {
    const key = `${item.sag.organisation}/${item.decision.grant?.group.id ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

function toEntry(
  group: readonly DecidedSag[],
  entry: Pick<AuditEntry, 'operation' | 'udfald' | 'soegekriterier'>,
  extraCpr: readonly string[] = [],
  dataansvarlig: string | null = group[0]?.sag.organisation ?? null,
): AuditEntry {
  const first = group[0];
  return {
    ...entry,
    dataansvarlig,
    objektType: OBJEKT_TYPE,
    objekter: group.map((d) => d.sag.uuid),
    cpr: [...extraCpr, ...group.flatMap((d) => getSagCpr(d.sag))],
    grant: entry.udfald === 'TILLADT' ? (first?.decision.grant ?? null) : null,
    rolle: READ_ROLE,
  };
}

/**
 * The access log entries of reading cases by id: one LAES/TILLADT entry per privilege group
 * used, and one LAES/AFVIST entry per municipality for the existing cases the caller was refused
 * (they still get null, as for a missing case). Cases that do not exist concern no one and are not recorded.
 */
export function buildReadAuditEntries(decided: readonly DecidedSag[]): AuditEntry[] {
  const allowed = decided.filter((d) => d.decision.allowed);
  const refused = decided.filter((d) => !d.decision.allowed);
  const entries = groupByGrant(allowed).map((group) =>
    toEntry(group, { operation: 'LAES', udfald: 'TILLADT' }),
  );
  for (const group of groupByGrant(refused)) {
    entries.push(toEntry(group, { operation: 'LAES', udfald: 'AFVIST' }));
  }
  return entries;
}

/**
 * The access log entries of a search: one SOEG entry per privilege group that allowed cases of
 * the returned page, each with the criteria; when nothing was found, one entry without objects
 * per municipality searched, since the criteria may name a person.
 */
export function buildSearchAuditEntries(
  decided: readonly DecidedSag[],
  search: SagSearchAudit,
): AuditEntry[] {
  const entry = {
    operation: 'SOEG',
    udfald: 'TILLADT',
    soegekriterier: search.soegekriterier,
  } as const;
  if (decided.length === 0) {
    return search.organisationer.length === 0
      ? [toEntry([], entry, search.cpr, null)]
      : search.organisationer.map((organisation) => toEntry([], entry, search.cpr, organisation));
  }
  return groupByGrant(decided).map((group) => toEntry(group, entry, search.cpr));
}

/** Search arguments as plain JSON for the access log (DateTimes become ISO strings). */
export function toSoegekriterier(args: Record<string, unknown>): Record<string, unknown> {
  const plain: unknown = JSON.parse(JSON.stringify(args));
  return typeof plain === 'object' && plain !== null ? (plain as Record<string, unknown>) : {};
}

/** The CPR number a built case filter searches for, if any (see buildSagFilter). */
export function getSearchedCpr(filter: Filter): string[] {
  const condition = filter['parter.cpr'];
  return condition !== undefined && 'eq' in condition && typeof condition.eq === 'string'
    ? [condition.eq]
    : [];
}
