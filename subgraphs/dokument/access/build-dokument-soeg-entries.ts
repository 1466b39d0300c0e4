import type { AccessAttributes } from '../../kit/auth/row-access';
import type { AuditEntry } from '../../kit/audit/create-request-audit';
import type { StoredObject } from '../../kit/store/bitemporal-store';
import { getDokumentAdgang } from '../dokument/get-dokument-adgang';
import { DOKUMENT_STORE_TYPE, type DokumentData } from '../dokument/dokument-data';
import type { DokumentAccess } from './create-dokument-access';

export interface DokumentSoeg {
  /** The criteria as given, plain JSON. */
  soegekriterier: Record<string, unknown>;
  /** The current attributes of the cases the search was decided on. */
  sager: ReadonlyMap<string, AccessAttributes>;
  /** The municipalities searched, for a search that found nothing (none for a citizen's). */
  organisationer: readonly string[];
}

/**
 * The access log entries of a search (SOEG): its criteria and the documents it returned, one
 * entry per municipality whose data was returned and privilege group that allowed it (so each
 * municipality's auditor sees its own); without objects, one per municipality searched when
 * nothing was found. The store already kept out what the caller may not read. Record them before
 * returning the documents.
 */
export async function buildDokumentSoegEntries(
  access: DokumentAccess,
  items: readonly StoredObject<DokumentData>[],
  soeg: DokumentSoeg,
): Promise<AuditEntry[]> {
  const base = {
    operation: 'SOEG',
    objektType: DOKUMENT_STORE_TYPE,
    udfald: 'TILLADT',
    rolle: 'dokument:laes',
    soegekriterier: soeg.soegekriterier,
  } as const;
  const groups = new Map<string, AuditEntry & { objekter: string[]; cpr: string[] }>();
  for (const item of items) {
    const sagAdgang = soeg.sager.get(item.data.sag);
    // Never the case: the store was asked only for documents of these cases.
    if (sagAdgang === undefined) throw new Error('A found document has no decided case');
    const adgang = getDokumentAdgang(sagAdgang, item.data.foelsomhed);
    const { grant } = await access.readAccess.decide(adgang);
    const key = `${adgang.organisation}/${grant?.group.id ?? ''}`;
    let entry = groups.get(key);
    if (entry === undefined) {
      entry = { ...base, objekter: [], cpr: [], dataansvarlig: adgang.organisation, grant };
      groups.set(key, entry);
    }
    entry.objekter.push(item.uuid);
    entry.cpr.push(...adgang.cpr);
  }
  if (groups.size > 0) return [...groups.values()];
  if (soeg.organisationer.length === 0) {
    return [{ ...base, objekter: [], cpr: [], dataansvarlig: null }];
  }
  return soeg.organisationer.map((organisation) => ({
    ...base,
    objekter: [],
    cpr: [],
    dataansvarlig: organisation,
  }));
}
