import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { generateIssuerKey } from '../../subgraphs/kit/auth/testing/create-test-issuer';

/** The file that holds the development issuer's private key under a store folder. */
export function getDevIssuerKeyFile(storeDir: string): string {
  return join(storeDir, 'dev-issuer', 'key.json');
}

function isRsaPrivateJwk(value: unknown): value is JWK {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return jwk.kty === 'RSA' && ['n', 'e', 'd', 'kid'].every((k) => typeof jwk[k] === 'string');
}

function readKey(file: string): JWK {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isRsaPrivateJwk(parsed)) {
    throw new Error(`${file} is not an RSA private key; delete it to make a new one`);
  }
  // The key signs tokens with every privilege: readable by its owner only.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return parsed;
}

/**
 * The development issuer's RS256 private key, created on first use and kept in
 * `<storeDir>/dev-issuer/key.json` (mode 0600), so tokens stay valid across restarts and
 * `npm run token` works whether or not the issuer is running. Two processes creating it at once
 * agree on one key: the file appears complete and only once (written aside, then hard-linked).
 */
export async function loadDevIssuerKey(storeDir: string): Promise<JWK> {
  const file = getDevIssuerKeyFile(storeDir);
  try {
    return readKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(join(storeDir, 'dev-issuer'), { recursive: true, mode: 0o700 });
  const key = await generateIssuerKey();
  const draft = `${file}.${randomUUID()}.tmp`;
  writeFileSync(draft, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKey(file);
  } finally {
    unlinkSync(draft);
  }
  return key;
}
