import type { AuditEntry } from '../../kit/audit/create-request-audit';
import type { StoredObject } from '../../kit/store/bitemporal-store';
import { getDokumentAdgang } from '../dokument/get-dokument-adgang';
import {
  DOKUMENT_STORE_TYPE,
  getDokumentOrganisation,
  type DokumentData,
} from '../dokument/dokument-data';
import type { DokumentAccess } from './create-dokument-access';

/**
 * Applies the read policy to documents read by id, on their cases' current attributes (one
 * lookup for all of them): a document the caller may not read becomes null, exactly like a
 * missing one, and so does one whose case the caller may not see (or that no longer exists).
 * Every read is logged (LAES, TILLADT or AFVIST) with the municipality that owns the case, and
 * the log is written before anything is returned: when it cannot be, this rejects and nothing is
 * shown. A refusal on a case hidden from the caller names no CPR number here (the case index did
 * not tell them); the case index logs that refusal itself, with the case's parties.
 */
export async function selectReadableDokumenter(
  access: DokumentAccess,
  found: readonly (StoredObject<DokumentData> | null)[],
): Promise<(StoredObject<DokumentData> | null)[]> {
  const present = found.filter((stored) => stored !== null);
  const sager = await access.sager.loadMany(present.map((stored) => stored.data.sag));
  const entries: AuditEntry[] = [];
  const result: (StoredObject<DokumentData> | null)[] = [];
  for (const stored of found) {
    if (stored === null) {
      result.push(null);
      continue;
    }
    const sagAdgang = sager.get(stored.data.sag);
    const adgang = sagAdgang ? getDokumentAdgang(sagAdgang, stored.data.foelsomhed) : null;
    const decision = adgang
      ? await access.readAccess.decide(adgang)
      : { allowed: false, grant: null };
    entries.push({
      operation: 'LAES',
      objektType: DOKUMENT_STORE_TYPE,
      objekter: [stored.uuid],
      cpr: adgang?.cpr ?? [],
      udfald: decision.allowed ? 'TILLADT' : 'AFVIST',
      dataansvarlig: adgang?.organisation ?? getDokumentOrganisation(stored.data),
      grant: decision.grant,
      rolle: 'dokument:laes',
    });
    result.push(decision.allowed ? stored : null);
  }
  await access.audit.record(entries);
  return result;
}
