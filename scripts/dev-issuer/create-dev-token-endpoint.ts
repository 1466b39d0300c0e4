import type { TestIssuer } from '../../subgraphs/kit/auth/testing/create-test-issuer';
import type { DevTokenEndpoint } from './create-dev-issuer-server';
import { DEV_ISSUER_SETTINGS } from './dev-issuer-settings';
import {
  DEV_PROFILE_NAMES,
  DEV_PROFILES,
  getDevProfileClaims,
  isDevProfileName,
} from './dev-profiles';

/**
 * The development profiles over HTTP, signed by `issuer` with the lifetime of `npm run token`,
 * for pages at `allowedOrigins` (the gateway's explorer).
 */
export function createDevTokenEndpoint(
  issuer: Pick<TestIssuer, 'sign'>,
  allowedOrigins: string[],
): DevTokenEndpoint {
  return {
    profiles: DEV_PROFILE_NAMES.map((name) => ({
      name,
      description: DEV_PROFILES[name].description,
    })),
    allowedOrigins,
    async sign(profile) {
      if (!isDevProfileName(profile)) throw new Error(`unknown profile ${profile}`);
      return issuer.sign(getDevProfileClaims(profile), {
        expiresIn: DEV_ISSUER_SETTINGS.tokenLifetime,
      });
    },
  };
}
