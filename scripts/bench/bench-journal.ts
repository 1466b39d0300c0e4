/**
 * What durability costs the embedded journal: appends per second with and without fsync, one
 * writer at a time and with concurrent writers (whose appends share fsyncs: group commit).
 * A measurement, not a test: run it with `npm run bench:journal`; figures depend on the disk.
 *
 *   BENCH_APPENDS (default 2000) appends per run, BENCH_DIR (default the system's temp dir).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedStore } from '../../subgraphs/kit/store/embedded-store';

const APPENDS = Number(process.env.BENCH_APPENDS ?? '2000');
const ROOT = process.env.BENCH_DIR ?? tmpdir();

async function run(fsync: boolean, writers: number): Promise<number> {
  const dir = mkdtempSync(join(ROOT, 'bench-journal-'));
  const store = createEmbeddedStore({ journalFile: join(dir, 'bench.jsonl'), fsync });
  const data = { titel: 'Byggetilladelse til carport', beskrivelse: 'x'.repeat(200) };
  let left = APPENDS;
  const writer = async (): Promise<void> => {
    for (; left > 0; left -= 1) {
      await store.append({
        type: 'Sag',
        uuid: randomUUID(),
        expectedVersion: 0,
        livscyklus: 'OPSTAAET',
        aktoer: 'bench',
        virkninger: [{ fra: new Date(), til: null, data }],
      });
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: writers }, writer));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return APPENDS / seconds;
}

async function main(): Promise<void> {
  console.log(`journal appends/s (${APPENDS} appends per run, in ${ROOT})`);
  for (const writers of [1, 16]) {
    const without = await run(false, writers);
    const withFsync = await run(true, writers);
    console.log(
      `${String(writers).padStart(2)} writer(s): without fsync ${without.toFixed(0)}/s, ` +
        `with fsync ${withFsync.toFixed(0)}/s (${((withFsync / without) * 100).toFixed(1)}%)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
