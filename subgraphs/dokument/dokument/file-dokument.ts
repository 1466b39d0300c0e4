import { randomUUID } from 'node:crypto';
import type { ContentStore } from '../../kit/content/content-store';
import { ForbiddenError, NotFoundError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import type { BitemporalStore, StoredObject } from '../../kit/store/bitemporal-store';
import type { DokumentAccess } from '../access/create-dokument-access';
import { createAttachCheck } from '../indhold/create-attach-check';
import { createDokument, type OpretDokumentInput } from './create-dokument';
import { DOKUMENT_STORE_TYPE, type DokumentData } from './dokument-data';

export interface FileDokumentDeps {
  /** How long after an upload its uploader may attach the content (CONTENT_ATTACH_WINDOW_MINUTES). */
  attachWindowMs: number;
  store: BitemporalStore;
  contentStore: ContentStore;
  access: DokumentAccess;
}

/**
 * Files a new document on a case, as the caller: the case must be visible to the caller
 * (SAG_NOT_FOUND otherwise, whether it is missing or hidden), and one of the caller's
 * `dokument:skriv` groups must cover the new document's access attributes (FORBIDDEN otherwise,
 * checked before any content is read or anything written), decided on the case's attributes as
 * the case index has them now. Every part's content must be the caller's own upload within the
 * attach window, or held by a document the caller may read (see createAttachCheck). The creation,
 * or the refusal, is in the access log before anything is stored.
 */
export async function fileDokument(
  deps: FileDokumentDeps,
  input: OpretDokumentInput,
  options: { aktoer: string; tid: Date },
): Promise<StoredObject<DokumentData>> {
  const sag = assertUuid(input.sag, 'input.sag');
  const sagAdgang = (await deps.access.sager.loadMany([sag])).get(sag);
  if (sagAdgang === undefined) throw new NotFoundError('SAG_NOT_FOUND', `No case ${sag}`);
  // Named here so the access log records the creation before anything is stored.
  const uuid = randomUUID();
  return createDokument(
    deps.store,
    deps.contentStore,
    { ...input, sag },
    {
      ...options,
      uuid,
      sagAdgang,
      mayAttach: createAttachCheck({
        store: deps.store,
        access: deps.access,
        aktoer: options.aktoer,
        tid: options.tid,
        windowMs: deps.attachWindowMs,
      }),
      authorize: async (adgang) => {
        const decision = await deps.access.writeAccess.decide(adgang);
        if (!decision.allowed) {
          await deps.access.audit.record([
            {
              operation: 'OPRET',
              objektType: DOKUMENT_STORE_TYPE,
              objekter: [],
              cpr: adgang.cpr,
              udfald: 'AFVIST',
              rolle: 'dokument:skriv',
              dataansvarlig: adgang.organisation,
            },
          ]);
          throw new ForbiddenError();
        }
        // Logged before the document is stored: if the log cannot be written, nothing is filed
        // (AUDIT_UNAVAILABLE). A creation that fails after this (content missing) leaves the
        // record of the attempt.
        await deps.access.audit.record([
          {
            operation: 'OPRET',
            objektType: DOKUMENT_STORE_TYPE,
            objekter: [uuid],
            cpr: adgang.cpr,
            udfald: 'TILLADT',
            grant: decision.grant,
            rolle: 'dokument:skriv',
            dataansvarlig: adgang.organisation,
          },
        ]);
      },
    },
  );
}
