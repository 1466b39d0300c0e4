import {
  createTestIssuer,
  type TestIssuer,
} from '../../subgraphs/kit/auth/testing/create-test-issuer';
import { DEV_ISSUER_SETTINGS } from './dev-issuer-settings';
import { loadDevIssuerKey } from './load-dev-issuer-key';

/** The development issuer over its persisted key (created in `storeDir` when missing). */
export async function loadDevIssuer(storeDir: string): Promise<TestIssuer> {
  return createTestIssuer({
    issuer: DEV_ISSUER_SETTINGS.issuer,
    audience: DEV_ISSUER_SETTINGS.audience,
    privateJwk: await loadDevIssuerKey(storeDir),
  });
}
