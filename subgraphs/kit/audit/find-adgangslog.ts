import { BadUserInputError, ForbiddenError } from '../domain-error';
import { getGroupsWithRole, type Caller } from '../auth/caller';
import type { OrganisationDirectory } from '../auth/organisation-directory';
import type { AuditLog, AuditRecord } from './audit-log';
import { isCpr } from './is-cpr';

/** The most records one subgraph returns for one query. */
export const MAX_ADGANGSLOG_POSTER = 500;

/** Whose records a caller asks for and in which period, once the caller's rights are applied. */
export interface AdgangslogScope {
  cpr: string;
  fra: Date;
  til: Date;
}

/**
 * Decides whose access log a caller may read. A citizen reads their own: a `cpr` argument is
 * refused unless it is the token's. A user needs `adgangslog:laes` (an auditor) and must name the
 * CPR number. Everyone else is refused. `fra` defaults to the retention horizon, `til` to now.
 */
export function getAdgangslogScope(
  caller: Caller,
  args: { cpr?: string | null; fra?: Date | null; til?: Date | null },
  options: { now: Date; retentionMs: number },
): AdgangslogScope {
  const fra = args.fra ?? new Date(options.now.getTime() - options.retentionMs);
  const til = args.til ?? new Date(options.now.getTime() + 1000);
  if (fra.getTime() >= til.getTime()) throw new BadUserInputError('fra must be before til', 'fra');
  if (args.cpr !== undefined && args.cpr !== null && !isCpr(args.cpr)) {
    throw new BadUserInputError('cpr must be 10 digits', 'cpr');
  }
  if (caller.kind === 'BORGER') {
    if (args.cpr && args.cpr !== caller.cpr) throw new ForbiddenError();
    return { cpr: caller.cpr, fra, til };
  }
  if (getGroupsWithRole(caller, 'adgangslog:laes').length === 0) throw new ForbiddenError();
  if (!args.cpr) throw new BadUserInputError('cpr is required', 'cpr');
  return { cpr: args.cpr, fra, til };
}

/** What `findAdgangslogPoster` needs to know the municipalities an auditor audits. */
export interface AdgangslogAccess {
  directory: OrganisationDirectory;
  /** The caller's token, for a directory that asks on the caller's behalf. */
  token: string | null;
}

/**
 * The uuids of the municipalities whose access log an auditor reads: those of their
 * `adgangslog:laes` groups that the directory knows (a CVR it does not know audits nothing).
 */
async function getAuditedOrganisations(
  caller: Caller,
  access: AdgangslogAccess,
): Promise<string[]> {
  const uuids = new Set<string>();
  for (const group of getGroupsWithRole(caller, 'adgangslog:laes')) {
    const uuid = await access.directory.findOrganisationByCvr(group.cvr, access.token);
    if (uuid !== null) uuids.add(uuid);
  }
  return [...uuids];
}

/**
 * One subgraph's records for a scope, newest first, as the caller may see them: an auditor sees
 * only records about the data of the municipalities they audit (`dataansvarlig`, the owner of the
 * case concerned), whoever made them, so neither another municipality's citizens' own reads nor
 * attempts on another municipality's cases reach them, and a record that names no municipality
 * reaches no auditor; a citizen sees every record about them, but never other people's CPR
 * numbers or search criteria (those may name others).
 */
export async function findAdgangslogPoster(
  log: AuditLog,
  caller: Caller,
  scope: AdgangslogScope,
  access: AdgangslogAccess,
): Promise<AuditRecord[]> {
  if (caller.kind === 'BORGER') {
    const page = await log.search({
      cpr: scope.cpr,
      fra: scope.fra,
      til: scope.til,
      first: MAX_ADGANGSLOG_POSTER,
    });
    return page.records.map((r) => ({ ...r, cpr: [scope.cpr], soegekriterier: null }));
  }
  const audited = await getAuditedOrganisations(caller, access);
  if (audited.length === 0) return [];
  // The restriction is part of the query, so the page holds only records the auditor may see.
  const page = await log.search({
    cpr: scope.cpr,
    dataansvarlig: audited,
    fra: scope.fra,
    til: scope.til,
    first: MAX_ADGANGSLOG_POSTER,
  });
  return page.records;
}
