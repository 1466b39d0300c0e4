import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createStaticOrganisationDirectory,
  type OrganisationDirectory,
  type StaticDirectoryData,
} from '../../kit/auth/organisation-directory';
import type { AccessAttributes } from '../../kit/auth/row-access';
import { getTestIssuer } from '../../kit/auth/testing/create-test-issuer';
import { SEED_CVRS } from '../../kit/auth/testing/full-access-claims';
import type { AuditLog } from '../../kit/audit/audit-log';
import { createEmbeddedAuditLog } from '../../kit/audit/embedded-audit-log';
import type { ContentStore } from '../../kit/content/content-store';
import { createDiskContentStore } from '../../kit/content/create-disk-content-store';
import { createLogger } from '../../kit/logger';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { startTestSubgraph, type TestSubgraph } from '../../kit/testing/start-test-subgraph';
import { createStaticSagLookup } from '../sag-lookup/create-static-sag-lookup';
import type { SagLookup } from '../sag-lookup/sag-lookup';
import { createDokumentServer } from '../server';

export type { GraphQLTestResponse } from '../../kit/testing/start-test-subgraph';

/** 180 days: long enough for every test's access log. */
export const TEST_AUDIT_RETENTION_MS = 180 * 24 * 60 * 60 * 1000;

/**
 * The test municipalities: the seeded CVR numbers (Jammerbugt first) as organisation uuids, and
 * in Jammerbugt a unit `byg` with a sub-unit `bygSyd`, and a unit `familie`.
 */
export const TEST_ORGANISATIONER = {
  jammerbugt: '78f0e414-e7c8-5349-ba36-51ef76ee671d',
  broenderslev: '7aa7384b-afae-5bf5-8bb7-e622604acebd',
  hjoerring: 'd7e3fbea-3929-53eb-b446-4b36f11ff3fb',
  frederikshavn: 'e3233018-971b-5a3b-8b31-0562d8a00147',
  laesoe: 'ad8469d1-27fe-526c-ad9a-522102f1d122',
} as const;
export const TEST_ENHEDER = {
  byg: '19f114f9-be8b-5fdf-a73d-9f5878e8f4c1',
  bygSyd: '2a0e7f6c-3b1d-4c5e-8f9a-0b1c2d3e4f50',
  familie: '8fa4d882-46bd-5735-af55-0859f29c2fe0',
} as const;

export const TEST_DIRECTORY_DATA: StaticDirectoryData = {
  organisationer: Object.fromEntries(
    SEED_CVRS.map((cvr, i) => [cvr, Object.values(TEST_ORGANISATIONER)[i] ?? '']),
  ),
  enheder: {
    [TEST_ENHEDER.byg]: null,
    [TEST_ENHEDER.bygSyd]: TEST_ENHEDER.byg,
    [TEST_ENHEDER.familie]: null,
  },
};

/** An ordinary case of Jammerbugt's building unit (KLE 02.34.02). */
export function getTestSagAdgang(overrides: Partial<AccessAttributes> = {}): AccessAttributes {
  return {
    organisation: TEST_ORGANISATIONER.jammerbugt,
    kleNummer: '02.34.02',
    ansvarligEnhed: TEST_ENHEDER.byg,
    foelsomhed: 'IKKE_FORTROLIG',
    cpr: ['1203654127'],
    ...overrides,
  };
}

export interface TestServer extends TestSubgraph {
  /** The server's origin, for the content routes. */
  origin: string;
  /** The directory of the disk content store. */
  contentDir: string;
  contentStore: ContentStore;
  auditLog: AuditLog;
  /** Stops the server and deletes the content directory. */
  stop(): Promise<void>;
}

export interface TestServerOptions {
  maxContentBytes?: number;
  contentStore?: ContentStore;
  /** Cases the static case index knows, by uuid. @default {} */
  sager?: Record<string, AccessAttributes>;
  sagLookup?: SagLookup;
  directory?: OrganisationDirectory;
  /** @default an in-memory embedded log */
  auditLog?: AuditLog;
}

/**
 * The dokument subgraph over `store` with a disk content store in a fresh temporary directory
 * (or `contentStore`), a static case index and directory and an in-memory access log, listening
 * on a free port, for in-process tests. Requests carry a full-access token unless they say
 * otherwise.
 */
export async function startTestServer(
  store: BitemporalStore,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const contentDir = await mkdtemp(join(tmpdir(), 'dokument-test-'));
  const contentStore = options.contentStore ?? (await createDiskContentStore({ dir: contentDir }));
  const auditLog =
    options.auditLog ?? createEmbeddedAuditLog({ retentionMs: TEST_AUDIT_RETENTION_MS });
  const server = await createDokumentServer({
    store,
    contentStore,
    sagLookup: options.sagLookup ?? createStaticSagLookup(options.sager ?? {}),
    directory: options.directory ?? createStaticOrganisationDirectory(TEST_DIRECTORY_DATA),
    auditLog,
    auditRetentionMs: TEST_AUDIT_RETENTION_MS,
    logger: createLogger({ name: 'dokument-test', level: 'silent' }),
    authenticate: (await getTestIssuer()).createAuthenticator(),
    maxContentBytes: options.maxContentBytes,
  });
  const subgraph = await startTestSubgraph(server);
  return {
    url: subgraph.url,
    origin: new URL(subgraph.url).origin,
    contentDir,
    contentStore,
    auditLog,
    query: subgraph.query,
    async stop() {
      await subgraph.stop();
      await rm(contentDir, { recursive: true, force: true });
    },
  };
}
