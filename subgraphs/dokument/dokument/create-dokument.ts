import { randomUUID } from 'node:crypto';
import { assertText } from '../../kit/assert-text';
import { BadUserInputError } from '../../kit/domain-error';
import type { ContentStore } from '../../kit/content/content-store';
import { assertUuid } from '../../kit/ids';
import type { BitemporalStore, Livscyklus, StoredObject } from '../../kit/store/bitemporal-store';
import type { AccessAttributes } from '../../kit/auth/row-access';
import { assertDate } from './assert-date';
import {
  DOKUMENT_FREMDRIFTER,
  DOKUMENT_STORE_TYPE,
  FOELSOMHEDER,
  getDokumentSortKey,
  MAX_BESKRIVELSE_LENGTH,
  MAX_DELE,
  MAX_DOKUMENTTYPE_LENGTH,
  MAX_NAVN_LENGTH,
  MAX_TITEL_LENGTH,
  MAX_VARIANTER,
  MAX_VARIANTTEKST_LENGTH,
  type DokumentData,
  type DokumentDelData,
  type DokumentFremdrift,
  type DokumentVariantData,
  type Foelsomhed,
} from './dokument-data';
import { getDokumentAdgang } from './get-dokument-adgang';

/** The GraphQL `OpretDokumentInput`, as received (nothing trusted yet). */
export interface OpretDokumentInput {
  sag: string;
  titel: string;
  beskrivelse?: string | null;
  brevdato: string;
  dokumenttype: string;
  foelsomhed?: string | null;
  fremdrift?: string | null;
  varianter: {
    varianttekst: string;
    dele: { indholdId: string; navn: string; uuid?: string }[];
  }[];
}

export interface CreateDokumentOptions {
  /**
   * The access attributes of the case the document is filed on, as the case index has them now:
   * they decide whether the caller may file it; the document keeps only the owning municipality.
   */
  sagAdgang: AccessAttributes;
  /**
   * Called with the new document's access attributes once the input is valid, before any content
   * is read or anything is written; rejects to refuse the creation.
   */
  authorize?: (adgang: AccessAttributes) => Promise<void>;
  /**
   * Whether the creator may put this content into the document (see createAttachCheck); a
   * refused content is answered exactly like one that does not exist. Required, so no caller can
   * leave the check out by forgetting it: the seed, filing its own content as the system, says so.
   */
  mayAttach: (indholdId: string) => Promise<boolean>;
  /** Who creates it: a user or system id, never a token. */
  aktoer: string;
  /** Registration time and start of validity. */
  tid: Date;
  /** @default tid */
  fra?: Date;
  /** @default a new random uuid */
  uuid?: string;
  /** The creation time in the sort key; the seed fixes it so its order never varies. @default tid */
  sortedAs?: Date;
  /** @default 'OPSTAAET' */
  livscyklus?: Extract<Livscyklus, 'OPSTAAET' | 'IMPORTERET'>;
}

function assertOneOf<T extends string>(
  value: string | null | undefined,
  allowed: readonly T[],
  fallback: T,
  field: string,
): T {
  if (value === null || value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new BadUserInputError(`${field} must be one of ${allowed.join(', ')}`, field);
  }
  return value as T;
}

function assertCount(list: unknown, min: number, max: number, field: string): unknown[] {
  if (!Array.isArray(list) || list.length < min || list.length > max) {
    throw new BadUserInputError(`${field} must have ${min}–${max} entries`, field);
  }
  return list;
}

/**
 * Validates a new document, checks that every part's content exists and copies its size, hash
 * and media type into the part (the content is immutable, so the copy never goes stale), then
 * registers the document. Every error names the input path at fault (`input.varianter[0]…`).
 */
export async function createDokument(
  store: BitemporalStore,
  contentStore: ContentStore,
  input: OpretDokumentInput,
  options: CreateDokumentOptions,
): Promise<StoredObject<DokumentData>> {
  const data: Omit<DokumentData, 'varianter' | 'organisation'> = {
    sag: assertUuid(input.sag, 'input.sag'),
    titel: assertText(input.titel, 'input.titel', MAX_TITEL_LENGTH),
    beskrivelse:
      input.beskrivelse === null ||
      input.beskrivelse === undefined ||
      input.beskrivelse.trim() === ''
        ? null
        : assertText(input.beskrivelse, 'input.beskrivelse', MAX_BESKRIVELSE_LENGTH),
    brevdato: assertDate(input.brevdato, 'input.brevdato'),
    dokumenttype: assertText(input.dokumenttype, 'input.dokumenttype', MAX_DOKUMENTTYPE_LENGTH),
    foelsomhed: assertOneOf<Foelsomhed>(
      input.foelsomhed,
      FOELSOMHEDER,
      'IKKE_FORTROLIG',
      'input.foelsomhed',
    ),
    fremdrift: assertOneOf<DokumentFremdrift>(
      input.fremdrift,
      DOKUMENT_FREMDRIFTER,
      'UNDER_UDARBEJDELSE',
      'input.fremdrift',
    ),
  };
  assertCount(input.varianter, 1, MAX_VARIANTER, 'input.varianter');
  // Everything that needs no I/O is checked first, so bad input costs no content lookups.
  const checked = input.varianter.map((variant, v) => {
    const path = `input.varianter[${v}]`;
    assertCount(variant.dele, 1, MAX_DELE, `${path}.dele`);
    return {
      varianttekst: assertText(
        variant.varianttekst,
        `${path}.varianttekst`,
        MAX_VARIANTTEKST_LENGTH,
      ),
      dele: variant.dele.map((del, d) => ({
        path: `${path}.dele[${d}]`,
        uuid:
          del.uuid === undefined ? randomUUID() : assertUuid(del.uuid, `${path}.dele[${d}].uuid`),
        navn: assertText(del.navn, `${path}.dele[${d}].navn`, MAX_NAVN_LENGTH),
        indholdId: assertUuid(del.indholdId, `${path}.dele[${d}].indholdId`),
      })),
    };
  });
  const adgang = getDokumentAdgang(options.sagAdgang, data.foelsomhed);
  await options.authorize?.(adgang);
  const varianter: DokumentVariantData[] = [];
  for (const variant of checked) {
    const dele: DokumentDelData[] = [];
    for (const del of variant.dele) {
      const content = (await options.mayAttach(del.indholdId))
        ? await contentStore.find(del.indholdId)
        : null;
      if (content === null) {
        throw new BadUserInputError(
          `${del.path}.indholdId names no uploaded content`,
          `${del.path}.indholdId`,
        );
      }
      dele.push({
        uuid: del.uuid,
        navn: del.navn,
        indholdId: content.id,
        mimetype: content.mimetype,
        stoerrelse: content.size,
        sha256: content.sha256,
      });
    }
    varianter.push({ varianttekst: variant.varianttekst, dele });
  }
  const uuid = options.uuid === undefined ? randomUUID() : assertUuid(options.uuid, 'uuid');
  const dokument: DokumentData = {
    ...data,
    varianter,
    organisation: options.sagAdgang.organisation,
  };
  const result = await store.append<DokumentData>({
    type: DOKUMENT_STORE_TYPE,
    uuid,
    expectedVersion: 0,
    livscyklus: options.livscyklus ?? 'OPSTAAET',
    aktoer: options.aktoer,
    virkninger: [{ fra: options.fra ?? options.tid, til: null, data: dokument }],
    sortKey: getDokumentSortKey(dokument.brevdato, options.sortedAs ?? options.tid),
    tid: options.tid,
  });
  return { uuid, version: result.version, data: dokument };
}
