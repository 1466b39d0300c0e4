// `npm run bench:store`: search latency of the embedded store at 1,000, 10,000 and 100,000 cases,
// for the searches the sag subgraph makes, with a case worker's access grant as `anyOf`.
//
//   npm run bench:store -- [--sizes 1000,10000,100000] [--iterations 200]
import { performance } from 'node:perf_hooks';
import type { BitemporalStore, SearchQuery } from '../../subgraphs/kit/store/bitemporal-store';
import { createEmbeddedStore } from '../../subgraphs/kit/store/embedded-store';
import { getUuidV5 } from '../../subgraphs/kit/get-uuid-v5';
import { SAG_INDEXES } from '../../subgraphs/sag/data/sag-indexes';

const NAMESPACE = '0b6f3d52-7d8c-4f0e-9c1a-3e5b7a9d2c41';
const ORGANISATIONER = 5;
const ENHEDER = 100;
const KLE = ['02.34.02', '02.34.03', '27.24.03', '25.02.01', '85.02.01'];
const FREMDRIFT = ['OPSTAAET', 'OPLYST', 'AFGJORT', 'AFSLUTTET'];
const id = (name: string): string => getUuidV5(name, NAMESPACE);

async function fill(store: BitemporalStore, cases: number): Promise<void> {
  const start = Date.parse('2020-01-01T00:00:00Z');
  for (let n = 0; n < cases; n += 1) {
    const oprettet = new Date(start + n * 60_000);
    await store.append({
      type: 'Sag',
      uuid: id(`sag:${n}`),
      expectedVersion: 0,
      livscyklus: 'OPSTAAET',
      aktoer: 'bench',
      tid: oprettet,
      sortKey: oprettet.toISOString(),
      virkninger: [
        {
          fra: oprettet,
          til: null,
          data: {
            sagsnummer: `${n}`,
            titel: `Sag ${n}`,
            organisation: id(`organisation:${n % ORGANISATIONER}`),
            kleNummer: KLE[n % KLE.length],
            kle: id(`kle:${n % KLE.length}`),
            fremdrift: FREMDRIFT[n % FREMDRIFT.length],
            foelsomhed: 'IKKE_FORTROLIG',
            ansvarligEnhed: id(`enhed:${n % ENHEDER}`),
            sagsbehandler: id(`bruger:${n % 200}`),
            parter: [{ rolle: 'PRIMAERPART', cpr: String(1000000000 + (n % (cases / 2))) }],
            bygninger: [id(`bygning:${n % 500}`)],
            oprettet: oprettet.toISOString(),
          },
        },
      ],
    });
  }
}

/** A case worker's grant: their municipality, KLE 02.*, their unit's subtree, not sensitive. */
const grant = (unit: number) => [
  {
    organisation: { eq: id(`organisation:${unit % ORGANISATIONER}`) },
    kleNummer: { prefix: '02.' },
    ansvarligEnhed: { in: [id(`enhed:${unit}`), id(`enhed:${unit + 5}`)] },
    foelsomhed: { in: ['IKKE_FORTROLIG', 'FORTROLIG'] },
  },
];

const SEARCHES: { name: string; query: (at: SearchQuery['at']) => SearchQuery }[] = [
  {
    name: "a citizen's cases (parter.cpr)",
    query: (at) => ({
      type: 'Sag',
      at,
      filter: { 'parter.cpr': { eq: '1000000010' } },
      anyOf: grant(10),
      first: 20,
      order: 'desc',
    }),
  },
  {
    name: "a unit's open cases, first 50",
    query: (at) => ({
      type: 'Sag',
      at,
      filter: {
        ansvarligEnhed: { in: [id('enhed:10'), id('enhed:15')] },
        fremdrift: { in: ['OPSTAAET', 'OPLYST', 'AFGJORT'] },
      },
      anyOf: grant(10),
      first: 50,
      order: 'desc',
    }),
  },
  {
    name: "a municipality's 02.34.02 cases, first 100",
    query: (at) => ({
      type: 'Sag',
      at,
      filter: { organisation: { eq: id('organisation:0') }, kleNummer: { prefix: '02.34.02' } },
      anyOf: grant(10),
      first: 100,
      order: 'desc',
    }),
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string): string => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : (args[at + 1] ?? fallback);
  };
  const sizes = option('--sizes', '1000,10000,100000').split(',').map(Number);
  const iterations = Number(option('--iterations', '200'));
  console.log(`embedded store search, ${iterations} searches each (ms; p50 / p99; matches)`);
  for (const size of sizes) {
    const store = createEmbeddedStore({ indexes: SAG_INDEXES });
    const filled = performance.now();
    await fill(store, size);
    console.log(
      `\n${size} cases (filled in ${((performance.now() - filled) / 1000).toFixed(1)} s)`,
    );
    const at = { virkningstid: new Date(), registreringstid: new Date() };
    for (const search of SEARCHES) {
      const query = search.query(at);
      const first = await store.search(query);
      const times: number[] = [];
      for (let i = 0; i < iterations; i += 1) {
        const started = performance.now();
        await store.search(query);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${search.name.padEnd(45)} ${percentile(times, 50).toFixed(3).padStart(9)} / ${percentile(times, 99).toFixed(3).padStart(9)}   ${first.totalCount} matches, ${first.items.length} returned`,
      );
    }
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
