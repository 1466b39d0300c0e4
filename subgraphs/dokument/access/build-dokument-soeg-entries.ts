import type { AuditEntry } from '../../kit/audit/create-request-audit';
import type { StoredObject } from '../../kit/store/bitemporal-store';
import { DOKUMENT_STORE_TYPE, type DokumentData } from '../dokument/dokument-data';
import type { DokumentAccess } from './create-dokument-access';

/**
 * The access log entries of a search (SOEG): its criteria and the documents it returned, one
 * entry per privilege group that allowed them (so each municipality's auditor sees its own), one
 * entry without objects when nothing was found. The store already kept out what the caller may
 * not read. Record them before returning the documents.
 */
export async function buildDokumentSoegEntries(
  access: DokumentAccess,
  items: readonly StoredObject<DokumentData>[],
  soegekriterier: Record<string, unknown>,
): Promise<AuditEntry[]> {
  const groups = new Map<string, AuditEntry & { objekter: string[]; cpr: string[] }>();
  for (const item of items) {
    const { grant } = await access.readAccess.decide(item.data.adgang);
    const key = grant?.group.id ?? '';
    let entry = groups.get(key);
    if (entry === undefined) {
      entry = {
        operation: 'SOEG',
        objektType: DOKUMENT_STORE_TYPE,
        objekter: [],
        cpr: [],
        udfald: 'TILLADT',
        grant,
        rolle: 'dokument:laes',
        soegekriterier,
      };
      groups.set(key, entry);
    }
    entry.objekter.push(item.uuid);
    entry.cpr.push(...item.data.adgang.cpr);
  }
  return groups.size > 0
    ? [...groups.values()]
    : [
        {
          operation: 'SOEG',
          objektType: DOKUMENT_STORE_TYPE,
          objekter: [],
          cpr: [],
          udfald: 'TILLADT',
          rolle: 'dokument:laes',
          soegekriterier,
        },
      ];
}
