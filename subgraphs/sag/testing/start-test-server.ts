import type { AuditLog } from '../../kit/audit/audit-log';
import { createEmbeddedAuditLog } from '../../kit/audit/embedded-audit-log';
import {
  createStaticOrganisationDirectory,
  type OrganisationDirectory,
} from '../../kit/auth/organisation-directory';
import { getTestIssuer } from '../../kit/auth/testing/create-test-issuer';
import { createLogger } from '../../kit/logger';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { startTestSubgraph, type TestSubgraph } from '../../kit/testing/start-test-subgraph';
import { createStaticKleLookup } from '../klassifikation/create-static-kle-lookup';
import type { KleLookup } from '../klassifikation/kle-lookup';
import { getSeedDirectoryData } from '../seed/get-seed-directory-data';
import { getSeedKleKlasser } from '../seed/get-seed-kle-klasser';
import { createSagServer } from '../server';

export type { GraphQLTestResponse } from '../../kit/testing/start-test-subgraph';

/** Long enough that no test record expires. */
export const TEST_AUDIT_RETENTION_MS = 365 * 24 * 60 * 60 * 1000;

export interface TestServer extends TestSubgraph {
  /** The access log the server writes to. */
  auditLog: AuditLog;
}

export interface TestServerOptions {
  /** @default the organisation seed's municipalities and unit tree */
  directory?: OrganisationDirectory;
  /** @default the KLE classes the seeded cases use */
  kle?: KleLookup;
  /** @default a fresh in-memory access log */
  auditLog?: AuditLog;
  /** Let requests without a token in as anonymous callers. @default false */
  allowAnonymous?: boolean;
  /** The token sent by default. @default a user with every role in every seeded municipality */
  token?: string;
}

/** The sag subgraph over `store`, listening on a free port, for in-process tests. */
export async function startTestServer(
  store: BitemporalStore,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const auditLog =
    options.auditLog ?? createEmbeddedAuditLog({ retentionMs: TEST_AUDIT_RETENTION_MS });
  const server = await createSagServer({
    store,
    logger: createLogger({ name: 'sag-test', level: 'silent' }),
    authenticate: (await getTestIssuer()).createAuthenticator(!options.allowAnonymous),
    directory: options.directory ?? createStaticOrganisationDirectory(getSeedDirectoryData()),
    kle: options.kle ?? createStaticKleLookup(getSeedKleKlasser()),
    auditLog,
    auditRetentionMs: TEST_AUDIT_RETENTION_MS,
  });
  const subgraph = await startTestSubgraph(server, { token: options.token });
  return { ...subgraph, auditLog };
}
