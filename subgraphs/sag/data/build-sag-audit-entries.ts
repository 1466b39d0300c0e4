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
}

const READ_ROLE = 'sag:laes';

/** The allowed cases grouped by the privilege group that allowed them (one group for citizens). */
function groupByGrant(decided: readonly DecidedSag[]): DecidedSag[][] {
  const groups = new Map<string, DecidedSag[]>();
  for (const item of decided) {
    const key = item.decision.grant?.group.id ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

function toEntry(
  group: readonly DecidedSag[],
  entry: Pick<AuditEntry, 'operation' | 'udfald' | 'soegekriterier'>,
  extraCpr: readonly string[] = [],
): AuditEntry {
  const first = group[0];
  return {
    ...entry,
    objektType: OBJEKT_TYPE,
    objekter: group.map((d) => d.sag.uuid),
    cpr: [...extraCpr, ...group.flatMap((d) => getSagCpr(d.sag))],
    grant: entry.udfald === 'TILLADT' ? (first?.decision.grant ?? null) : null,
    rolle: READ_ROLE,
  };
}

/**
 * The access log entries of reading cases by id: one LAES/TILLADT entry per privilege group
 * used, and one LAES/AFVIST entry for the existing cases the caller was refused (they still get
 * null, as for a missing case). Cases that do not exist concern no one and are not recorded.
 */
export function buildReadAuditEntries(decided: readonly DecidedSag[]): AuditEntry[] {
  const allowed = decided.filter((d) => d.decision.allowed);
  const refused = decided.filter((d) => !d.decision.allowed);
  const entries = groupByGrant(allowed).map((group) =>
    toEntry(group, { operation: 'LAES', udfald: 'TILLADT' }),
  );
  if (refused.length > 0) entries.push(toEntry(refused, { operation: 'LAES', udfald: 'AFVIST' }));
  return entries;
}

/**
 * The access log entries of a search: one SOEG entry per privilege group that allowed cases of
 * the returned page, each with the criteria; one entry without objects when nothing was found,
 * since the criteria may name a person.
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
  if (decided.length === 0) return [toEntry([], entry, search.cpr)];
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
