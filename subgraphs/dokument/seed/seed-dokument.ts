import { Readable } from 'node:stream';
import type { ContentStore } from '../../kit/content/content-store';
import { getUuidV5 } from '../../kit/get-uuid-v5';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createDokument } from '../dokument/create-dokument';
import { DOKUMENT_STORE_TYPE } from '../dokument/dokument-data';
import { createSeedPdf } from './create-seed-pdf';
import {
  SEED_AKTOER,
  SEED_DOKUMENT_NAMESPACE,
  SEED_FIRST_BREVDATO,
  SEED_FRA,
  SEED_KOMMUNEKODER,
  SEED_SAG_NAMESPACE,
  SEED_SAGER,
  type SeedDel,
} from './seed-dokument-data';
import { SEED_SAG_ADGANG } from './seed-sag-adgang';

export interface SeedResult {
  /** Documents registered by this run. */
  created: number;
  /** Documents already there, left untouched. */
  existing: number;
}

/** Days between the first letters of consecutive seeded cases. */
const DAYS_BETWEEN_SAGER = 20;
const SEED_MAX_BYTES = 1024 * 1024;

/** The uuid the sag seed gives case `n` (1-based) of a municipality. */
export function getSeedSagUuid(kommunekode: string, n: number): string {
  return getUuidV5(`sag-seed:${kommunekode}:${n}`, SEED_SAG_NAMESPACE);
}

/** The uuid of document `k` (1-based) of seeded case `n`. */
export function getSeedDokumentUuid(kommunekode: string, n: number, k: number): string {
  return getUuidV5(`dokument-seed:${kommunekode}:${n}:${k}`, SEED_DOKUMENT_NAMESPACE);
}

function addDays(date: string, days: number): string {
  const result = new Date(`${date}T00:00:00Z`);
  result.setUTCDate(result.getUTCDate() + days);
  return result.toISOString().slice(0, 10);
}

function renderDel(del: SeedDel, kommunekode: string): { bytes: Buffer; mimetype: string } {
  const lines = del.lines.map((line) => line.replace('{kommune}', kommunekode));
  return del.kind === 'pdf'
    ? { bytes: createSeedPdf(lines), mimetype: 'application/pdf' }
    : {
        bytes: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
        mimetype: 'text/plain; charset=utf-8',
      };
}

/**
 * Loads the demo documents: 2–3 fitting documents with real small files for each of the six
 * cases the sag seed gives every municipality. Idempotent: a document that exists (in any
 * registration) is left alone and its file is not written again.
 */
export async function seedDokument(
  store: BitemporalStore,
  contentStore: ContentStore,
): Promise<SeedResult> {
  const result: SeedResult = { created: 0, existing: 0 };
  for (const [i, kommunekode] of SEED_KOMMUNEKODER.entries()) {
    for (const [s, sag] of SEED_SAGER.entries()) {
      const n = s + 1;
      const sagAdgang = SEED_SAG_ADGANG[kommunekode][s];
      if (sagAdgang === undefined) throw new Error(`No access attributes for seeded case ${n}`);
      const firstBrevdato = addDays(
        SEED_FIRST_BREVDATO,
        (i * SEED_SAGER.length + s) * DAYS_BETWEEN_SAGER,
      );
      for (const [d, dokument] of sag.dokumenter.entries()) {
        const k = d + 1;
        const uuid = getSeedDokumentUuid(kommunekode, n, k);
        if ((await store.findHistory(DOKUMENT_STORE_TYPE, uuid)).length > 0) {
          result.existing += 1;
          continue;
        }
        const { bytes, mimetype } = renderDel(dokument.del, kommunekode);
        const content = await contentStore.write(Readable.from([bytes]), {
          maxBytes: SEED_MAX_BYTES,
          mimetype,
        });
        await createDokument(
          store,
          contentStore,
          {
            sag: getSeedSagUuid(kommunekode, n),
            titel: dokument.titel,
            brevdato: addDays(firstBrevdato, dokument.dag),
            dokumenttype: dokument.dokumenttype,
            foelsomhed: sag.foelsomhed,
            fremdrift: dokument.fremdrift,
            varianter: [
              {
                varianttekst: 'original',
                dele: [
                  {
                    uuid: getUuidV5(`${uuid}:del:1`, SEED_DOKUMENT_NAMESPACE),
                    navn: dokument.del.navn,
                    indholdId: content.id,
                  },
                ],
              },
            ],
          },
          {
            uuid,
            sagAdgang,
            // The seed files the content it has just written itself.
            mayAttach: async () => true,
            aktoer: SEED_AKTOER,
            tid: new Date(),
            fra: SEED_FRA,
            sortedAs: SEED_FRA,
            livscyklus: 'IMPORTERET',
          },
        );
        result.created += 1;
      }
    }
  }
  return result;
}
