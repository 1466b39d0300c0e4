import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDevIssuerKeyFile, loadDevIssuerKey } from './load-dev-issuer-key';

const newStoreDir = (): string => mkdtempSync(join(tmpdir(), 'dev-issuer-'));

describe('loadDevIssuerKey', () => {
  it('creates an RS256 key readable by its owner only, in <store>/dev-issuer/key.json', async () => {
    const storeDir = newStoreDir();
    const key = await loadDevIssuerKey(storeDir);
    const file = join(storeDir, 'dev-issuer', 'key.json');
    expect(getDevIssuerKeyFile(storeDir)).toBe(file);
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', d: expect.any(String) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(key);
  });

  it('returns the same key on every later start', async () => {
    const storeDir = newStoreDir();
    const first = await loadDevIssuerKey(storeDir);
    expect(await loadDevIssuerKey(storeDir)).toEqual(first);
  });

  it('agrees on one key when two processes create it at once', async () => {
    const storeDir = newStoreDir();
    const keys = await Promise.all([1, 2, 3].map(() => loadDevIssuerKey(storeDir)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    expect(await loadDevIssuerKey(storeDir)).toEqual(keys[0]);
  });

  it('refuses a file that is not an RSA private key instead of replacing it', async () => {
    const storeDir = newStoreDir();
    mkdirSync(join(storeDir, 'dev-issuer'));
    writeFileSync(getDevIssuerKeyFile(storeDir), JSON.stringify({ kty: 'RSA', n: 'x', e: 'y' }));
    await expect(loadDevIssuerKey(storeDir)).rejects.toThrow(/not an RSA private key/);
  });
});
