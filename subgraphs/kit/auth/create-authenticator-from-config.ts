import type { AuthConfig } from '../config';
import { cacheTokenVerifier } from './cache-token-verifier';
import { createAuthenticator, type Authenticator } from './create-authenticator';
import { createTokenVerifier } from './create-token-verifier';

/** The authenticator a service runs with: verified tokens are remembered until they expire. */
export function createAuthenticatorFromConfig(config: AuthConfig): Authenticator {
  return createAuthenticator({
    verify: cacheTokenVerifier(
      createTokenVerifier({
        jwks: new URL(config.jwksUrl),
        issuer: config.issuer,
        audience: config.audience,
        algorithms: config.algorithms,
        rolePrefixes: config.rolePrefixes,
      }),
    ),
    required: config.required,
  });
}
