import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Caller } from '../../kit/auth/caller';
import { createStaticOrganisationDirectory } from '../../kit/auth/organisation-directory';
import { SEED_CVRS } from '../../kit/auth/testing/full-access-claims';
import { createEmbeddedAuditLog } from '../../kit/audit/embedded-audit-log';
import type { ContentStore } from '../../kit/content/content-store';
import { createDiskContentStore } from '../../kit/content/create-disk-content-store';
import { createLogger } from '../../kit/logger';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createDokumentAccess } from '../access/create-dokument-access';
import { createDokument } from '../dokument/create-dokument';
import { createStaticSagLookup } from '../sag-lookup/create-static-sag-lookup';
import { getTestSagAdgang, TEST_DIRECTORY_DATA } from '../testing/start-test-server';
import { createAttachCheck } from './create-attach-check';
import { markIndholdAttached } from './mark-indhold-attached';
import { registerUpload } from './register-upload';
import { sweepUnattachedIndhold } from './sweep-unattached-indhold';

const T0 = new Date('2026-06-01T10:00:00.000Z');
const MINUTE = 60_000;
const WINDOW = 60 * MINUTE;
const TTL = 24 * 60 * MINUTE;
const SAG = '6f1b8a2f-0d11-4d1a-9a53-c3c1c6a46f0e';
const FOELSOM_SAG = '0b7c8f3e-55a1-4c5e-9c1f-2a7e8d9b0c11';
const at = (ms: number): Date => new Date(T0.getTime() + ms);

const user = (subject: string, foelsomhed: 'IKKE_FORTROLIG' | 'FOELSOM'): Caller => ({
  kind: 'BRUGER',
  subject,
  groups: [
    {
      id: `${subject}#1`,
      cvr: SEED_CVRS[0] ?? '',
      roles: ['dokument:laes', 'dokument:skriv'],
      kle: null,
      enheder: null,
      foelsomhed,
    },
  ],
});

describe('content is its uploader’s until it is filed', () => {
  let store: BitemporalStore;
  let contentStore: ContentStore;
  let dir: string;
  const sagLookup = createStaticSagLookup({
    [SAG]: getTestSagAdgang(),
    [FOELSOM_SAG]: getTestSagAdgang({ foelsomhed: 'FOELSOM', kleNummer: '27.24.03' }),
  });
  beforeEach(async () => {
    store = createEmbeddedStore();
    dir = await mkdtemp(join(tmpdir(), 'indhold-test-'));
    contentStore = await createDiskContentStore({ dir });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const upload = async (ejer: string, tid: Date): Promise<string> => {
    const written = await contentStore.write(Readable.from([Buffer.from(`fil af ${ejer}`)]), {
      maxBytes: 1000,
      mimetype: 'text/plain',
    });
    await registerUpload(store, { id: written.id, ejer, tid });
    return written.id;
  };
  const check = (caller: Caller, tid: Date) =>
    createAttachCheck({
      store,
      access: createDokumentAccess(
        {
          requestId: 'r',
          logger: createLogger({ name: 'test', level: 'silent' }),
          at: { virkningstid: tid, registreringstid: tid },
          caller,
          token: null,
        },
        {
          directory: createStaticOrganisationDirectory(TEST_DIRECTORY_DATA),
          sagLookup,
          auditLog: createEmbeddedAuditLog({ retentionMs: TTL }),
          now: () => tid,
        },
      ),
      aktoer: caller.kind === 'BRUGER' ? caller.subject : 'x',
      tid,
      windowMs: WINDOW,
    });
  const fileOn = async (sag: string, indholdId: string, foelsomhed: string) =>
    createDokument(
      store,
      contentStore,
      {
        sag,
        titel: 'Notat',
        brevdato: '2026-06-01',
        dokumenttype: 'Notat',
        foelsomhed,
        varianter: [{ varianttekst: 'original', dele: [{ indholdId, navn: 'notat.txt' }] }],
      },
      {
        sagAdgang: getTestSagAdgang(),
        mayAttach: async () => true,
        aktoer: 'lars',
        tid: T0,
      },
    );

  it('lets the uploader attach within the window and nobody else, ever', async () => {
    const id = await upload('mette', T0);
    const mette = user('mette', 'IKKE_FORTROLIG');
    expect(await check(mette, at(WINDOW))(id)).toBe(true);
    expect(await check(mette, at(WINDOW + 1))(id)).toBe(false);
    // Another writer with the very same rights, who learnt the id, may not.
    expect(await check(user('mallory', 'FOELSOM'), at(1))(id)).toBe(false);
    // An id nobody uploaded is refused the same way.
    expect(await check(mette, at(1))('7a2c9b3e-1e22-4b5e-8b64-d4d2d7b57f1f')).toBe(false);
  });

  it('lets one who may read a document holding the content use it again, and no one else', async () => {
    const id = await upload('lars', T0);
    await fileOn(FOELSOM_SAG, id, 'FOELSOM');
    const later = at(WINDOW * 5);
    expect(await check(user('karl', 'FOELSOM'), later)(id)).toBe(true);
    // Cleared below FOELSOM, the holding document is not readable: refused.
    expect(await check(user('mallory', 'IKKE_FORTROLIG'), later)(id)).toBe(false);
  });

  it('removes content no document holds once the TTL has passed, and keeps held content', async () => {
    const loose = await upload('mette', T0);
    const filed = await upload('lars', T0);
    const marked = await upload('lars', T0);
    // `filed` is held by a document whose attachment was never marked; `marked` was marked.
    await fileOn(SAG, filed, 'IKKE_FORTROLIG');
    await fileOn(SAG, marked, 'IKKE_FORTROLIG');
    await markIndholdAttached(store, [marked], { aktoer: 'lars', tid: T0 });

    const sweep = (tid: Date) =>
      sweepUnattachedIndhold({ store, contentStore, ttlMs: TTL, now: () => tid });
    expect(await sweep(at(TTL - 1))).toEqual({ removed: 0, kept: 0 });
    expect(await contentStore.find(loose)).not.toBeNull();

    expect(await sweep(at(TTL + 1))).toEqual({ removed: 1, kept: 1 });
    expect(await contentStore.find(loose)).toBeNull();
    expect(await contentStore.find(filed)).not.toBeNull();
    expect(await contentStore.find(marked)).not.toBeNull();
    // Swept once is swept: the next sweep finds nothing left to do.
    expect(await sweep(at(TTL * 2))).toEqual({ removed: 0, kept: 0 });
  });
});
