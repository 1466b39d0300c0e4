import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { DEV_PROFILE_NAMES } from './dev-profiles';
import { loadDevIssuer } from './load-dev-issuer';
import { runTokenCommand } from './run-token-command';

async function run(args: string[], storeDir = mkdtempSync(join(tmpdir(), 'dev-issuer-'))) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runTokenCommand(args, {
    storeDir,
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  });
  return { code, stdout, stderr };
}

describe('npm run token', () => {
  it('--list prints the profile names one per line and nothing else', async () => {
    expect(await run(['--list'])).toEqual({ code: 0, stdout: DEV_PROFILE_NAMES, stderr: [] });
  });

  it('prints a token valid for 8 hours that the issuer over the same key accepts', async () => {
    const storeDir = mkdtempSync(join(tmpdir(), 'dev-issuer-'));
    const { code, stdout, stderr } = await run(['borger'], storeDir);
    expect(code).toBe(0);
    expect(stdout).toHaveLength(1);
    expect(stderr.join('\n')).toMatch(/^borger: Karen Margrethe Larsen/);
    const token = stdout[0] ?? '';
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: 'http://127.0.0.1:4090',
      aud: 'kommunegraf',
      sub: 'borger-karen',
      cpr: '1203654127',
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(8 * 60 * 60);
    const issuer = await loadDevIssuer(storeDir);
    expect(await issuer.verify(token)).toEqual({
      kind: 'BORGER',
      subject: 'borger-karen',
      cpr: '1203654127',
    });
  });

  it.each([[['ukendt']], [[]], [['sagsbehandler', 'borger']], [['--help']]])(
    'answers %j with exit code 2 and the profiles on stderr',
    async (args) => {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stdout).toEqual([]);
      for (const name of DEV_PROFILE_NAMES) expect(stderr).toContain(`  ${name}`);
    },
  );

  it('runs as a command: the token alone on the last line of stdout', async () => {
    const storeDir = mkdtempSync(join(tmpdir(), 'dev-issuer-'));
    const script = join(__dirname, '..', 'token.ts');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', script, 'sagsbehandler'],
      { env: { ...process.env, STORE_DIR: storeDir } },
    );
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const issuer = await loadDevIssuer(storeDir);
    expect(await issuer.verify(lines[0] ?? '')).toMatchObject({ kind: 'BRUGER' });
    await expect(
      promisify(execFile)(process.execPath, ['--import', 'tsx', script, 'ukendt'], {
        env: { ...process.env, STORE_DIR: storeDir },
      }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
