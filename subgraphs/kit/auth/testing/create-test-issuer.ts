import {
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose';
import { createAuthenticator, type Authenticator } from '../create-authenticator';
import { createTokenVerifier, type TokenVerifier } from '../create-token-verifier';

export interface SignOptions {
  /** @default '10m' */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string | string[];
  kid?: string;
}

/** An issuer that signs tokens locally: the development issuer and the tests use it. */
export interface TestIssuer {
  issuer: string;
  audience: string;
  /** The public key set (what a JWKS endpoint serves). */
  jwks: JSONWebKeySet;
  /** Signs `claims` (add `sub`, and `privilegier` or `cpr`) with the issuer's key. */
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  verify: TokenVerifier;
  /** An authenticator over this issuer's keys; tokens required unless `required` is false. */
  createAuthenticator(required?: boolean): Authenticator;
}

export interface TestIssuerOptions {
  /** @default 'https://issuer.test' */
  issuer?: string;
  /** @default 'kommunegraf' */
  audience?: string;
  /** A private RS256 key to sign with (kept by the development issuer across restarts). */
  privateJwk?: JWK;
}

/** Generates a fresh RS256 key as a JWK (with `kid`), for `createTestIssuer({ privateJwk })`. */
export async function generateIssuerKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: 'RS256', use: 'sig', kid: `dev-${Date.now().toString(36)}` };
}

export async function createTestIssuer(options: TestIssuerOptions = {}): Promise<TestIssuer> {
  const issuer = options.issuer ?? 'https://issuer.test';
  const audience = options.audience ?? 'kommunegraf';
  const privateJwk = options.privateJwk ?? (await generateIssuerKey());
  const kid = privateJwk.kid ?? 'test';
  const privateKey = await importJWK(privateJwk, 'RS256');
  const { n, e, kty } = privateJwk;
  const jwks: JSONWebKeySet = { keys: [{ kty, n, e, alg: 'RS256', use: 'sig', kid }] };
  const verify = createTokenVerifier({ jwks, issuer, audience, algorithms: ['RS256'] });
  return {
    issuer,
    audience,
    jwks,
    verify,
    sign: (claims, signOptions = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: signOptions.kid ?? kid, typ: 'JWT' })
        .setIssuer(signOptions.issuer ?? issuer)
        .setAudience(signOptions.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(signOptions.expiresIn ?? '10m')
        .sign(privateKey),
    createAuthenticator: (required = true) => createAuthenticator({ verify, required }),
  };
}

let shared: Promise<TestIssuer> | undefined;

/** One issuer per test process, so servers and clients in a test file agree on the keys. */
export function getTestIssuer(): Promise<TestIssuer> {
  shared ??= createTestIssuer();
  return shared;
}
