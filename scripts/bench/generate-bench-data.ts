import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createDiskContentStore } from '../../subgraphs/kit/content/create-disk-content-store';
import { getUuidV5 } from '../../subgraphs/kit/get-uuid-v5';
import { createEmbeddedStore } from '../../subgraphs/kit/store/embedded-store';
import { createDokument } from '../../subgraphs/dokument/dokument/create-dokument';
import { DOKUMENT_STORE_TYPE } from '../../subgraphs/dokument/dokument/dokument-data';
import { createSag } from '../../subgraphs/sag/sag/create-sag';
import { createSystemSagAccess } from '../../subgraphs/sag/sag/create-system-sag-access';
import { STORE_TYPES } from '../../subgraphs/sag/sag/sag-data';
import { ORGANISATION_REFS } from '../../subgraphs/sag/seed/organisation-refs';
import { SEED_KLE } from '../../subgraphs/sag/seed/seed-sag-data';
import { SEED_BYGNING_IDS } from '../../subgraphs/sag/seed/seed-sag-ids';

/** The namespace of the generated cases and documents (apart from the seed's). */
const BENCH_NAMESPACE = '5b0c7c1e-2d7e-4c55-9f0e-8a1d3c6b9e42';
const JAMMERBUGT = ORGANISATION_REFS.jammerbugt;
const FIRST_OPRETTET = Date.parse('2024-01-01T08:00:00Z');
const MINUTE_MS = 60_000;

export interface BenchDataOptions {
  /** STORE_DIR of the subgraphs: `sag.jsonl`, `dokument.jsonl` and `dokument-indhold/`. */
  storeDir: string;
  /** Building-permit cases in Jammerbugt's Byg og Miljø, visible to the sagsbehandler profile. */
  cases: number;
  /** Documents per case, each with one variant of `partsPerDocument` parts. */
  documentsPerCase: number;
  partsPerDocument: number;
}

export interface BenchDataResult {
  createdCases: number;
  createdDocuments: number;
}

/** The uuid of generated case `n` (1-based). */
export function getBenchSagUuid(n: number): string {
  return getUuidV5(`bench-sag:${n}`, BENCH_NAMESPACE);
}

/**
 * Writes realistic volumes into the embedded stores the subgraphs open at `storeDir` (run it
 * before they start): building-permit cases of Jammerbugt under Byg og Miljø, each with a party,
 * one of the seeded buildings and its documents. Idempotent: a case or document that exists is
 * left alone, so a second run with the same numbers writes nothing.
 */
export async function generateBenchData(options: BenchDataOptions): Promise<BenchDataResult> {
  const sagStore = createEmbeddedStore({ journalFile: join(options.storeDir, 'sag.jsonl') });
  const dokumentStore = createEmbeddedStore({
    journalFile: join(options.storeDir, 'dokument.jsonl'),
  });
  const content = await createDiskContentStore({ dir: join(options.storeDir, 'dokument-indhold') });
  const result: BenchDataResult = { createdCases: 0, createdDocuments: 0 };
  const bygninger = Object.values(SEED_BYGNING_IDS[JAMMERBUGT.kommunekode] ?? {});
  try {
    const text = Buffer.from('Tegning, snit og facade. Målestok 1:100.\n'.repeat(40), 'utf8');
    const file = await content.write(Readable.from([text]), {
      maxBytes: 1024 * 1024,
      mimetype: 'text/plain; charset=utf-8',
    });
    // The generator writes as a named system writer, like the seed.
    const benchWriter = createSystemSagAccess('bench-data');
    for (let n = 1; n <= options.cases; n += 1) {
      const uuid = getBenchSagUuid(n);
      const tid = new Date(FIRST_OPRETTET + n * 37 * MINUTE_MS);
      const cpr = `0101${String(70 + (n % 30)).padStart(2, '0')}${String(1000 + (n % 9000)).padStart(4, '0')}`;
      if ((await sagStore.findHistory(STORE_TYPES.sag, uuid)).length === 0) {
        await createSag(
          sagStore,
          {
            organisation: JAMMERBUGT.organisation,
            titel: `Byggetilladelse – sag ${n}`,
            beskrivelse: `Ansøgning om tilbygning nr. ${n} (genereret til ydelsesmåling).`,
            kle: SEED_KLE.byggetilladelse.uuid,
            kleNummer: SEED_KLE.byggetilladelse.nummer,
            ansvarligEnhed: JAMMERBUGT.enheder.bygOgMiljoe,
            sagsbehandler: JAMMERBUGT.sagsbehandlere.bygOgMiljoe,
            parter: [{ rolle: 'PRIMAERPART', cpr, navn: `Ansøger ${n}` }],
            bygninger: bygninger.length > 0 ? [bygninger[n % bygninger.length] as string] : [],
          },
          { uuid, aktoer: JAMMERBUGT.sagsbehandlere.bygOgMiljoe, tid, ...benchWriter },
        );
        result.createdCases += 1;
      }
      for (let k = 1; k <= options.documentsPerCase; k += 1) {
        const dokumentUuid = getUuidV5(`bench-dokument:${n}:${k}`, BENCH_NAMESPACE);
        if ((await dokumentStore.findHistory(DOKUMENT_STORE_TYPE, dokumentUuid)).length > 0) {
          continue;
        }
        await createDokument(
          dokumentStore,
          content,
          {
            sag: uuid,
            titel: `Bilag ${k} til sag ${n}`,
            brevdato: new Date(tid.getTime() + k * 24 * 60 * MINUTE_MS).toISOString().slice(0, 10),
            dokumenttype: k === 1 ? 'Ansøgning' : 'Tegning',
            varianter: [
              {
                varianttekst: 'original',
                dele: Array.from({ length: options.partsPerDocument }, (_, d) => ({
                  uuid: getUuidV5(`${dokumentUuid}:del:${d + 1}`, BENCH_NAMESPACE),
                  navn: `del-${d + 1}.txt`,
                  indholdId: file.id,
                })),
              },
            ],
          },
          {
            uuid: dokumentUuid,
            sagAdgang: {
              organisation: JAMMERBUGT.organisation,
              kleNummer: SEED_KLE.byggetilladelse.nummer,
              ansvarligEnhed: JAMMERBUGT.enheder.bygOgMiljoe,
              foelsomhed: 'IKKE_FORTROLIG',
              cpr: [cpr],
            },
            // The generator files its own content, as the seed does.
            mayAttach: async (indholdId) => indholdId === file.id,
            aktoer: JAMMERBUGT.sagsbehandlere.bygOgMiljoe,
            tid,
          },
        );
        result.createdDocuments += 1;
      }
    }
  } finally {
    await Promise.allSettled([sagStore.close(), dokumentStore.close(), content.close()]);
  }
  return result;
}
