import type { AuditEntry } from '../../kit/audit/create-request-audit';
import type { StoredObject } from '../../kit/store/bitemporal-store';
import { DOKUMENT_STORE_TYPE, type DokumentData } from '../dokument/dokument-data';
import type { DokumentAccess } from './create-dokument-access';

/**
 * Applies the read policy to documents read by id: a document the caller may not read becomes
 * null, exactly like a missing one. Every read is logged (LAES, TILLADT or AFVIST) and the log
 * is written before anything is returned: when it cannot be, this rejects and nothing is shown.
 */
export async function selectReadableDokumenter(
  access: DokumentAccess,
  found: readonly (StoredObject<DokumentData> | null)[],
): Promise<(StoredObject<DokumentData> | null)[]> {
  const entries: AuditEntry[] = [];
  const result: (StoredObject<DokumentData> | null)[] = [];
  for (const stored of found) {
    // A document registered before documents carried access attributes is readable by no one
    // (fail closed) until it is registered again with them.
    if (
      stored === null ||
      (stored.data.adgang as DokumentData['adgang'] | undefined) === undefined
    ) {
      result.push(null);
      continue;
    }
    const decision = await access.readAccess.decide(stored.data.adgang);
    entries.push({
      operation: 'LAES',
      objektType: DOKUMENT_STORE_TYPE,
      objekter: [stored.uuid],
      cpr: stored.data.adgang.cpr,
      udfald: decision.allowed ? 'TILLADT' : 'AFVIST',
      grant: decision.grant,
      rolle: 'dokument:laes',
    });
    result.push(decision.allowed ? stored : null);
  }
  await access.audit.record(entries);
  return result;
}
