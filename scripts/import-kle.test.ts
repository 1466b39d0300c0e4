import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const FULL_KLE = join(ROOT, '..', 'shared', 'data', 'kle', 'kle-emneplan.csv');

describe('npm run import:kle', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-kle-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // No token, port or service settings: only where the store is (a temporary folder here,
  // instead of the default .data/ of the checkout).
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STORE_DIR: '' };

  it('imports the full KLE offline with no service settings, and a second run changes nothing', async () => {
    const first = await run('npm', ['run', '--silent', 'import:kle', '--', FULL_KLE], {
      cwd: ROOT,
      env: { ...env, STORE_DIR: dir },
    });
    expect(first.stdout).toContain('created 2933, changed 0, unchanged 0');
    const second = await run('npm', ['run', '--silent', 'import:kle', '--', FULL_KLE], {
      cwd: ROOT,
      env: { ...env, STORE_DIR: dir },
    });
    expect(second.stdout).toContain('created 0, changed 0, unchanged 2933');
  });

  it('answers a bad store setting in one line naming it', async () => {
    await expect(
      run('npm', ['run', '--silent', 'import:kle', '--', FULL_KLE], {
        cwd: ROOT,
        env: { ...env, STORE: 'postgres' },
      }),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/^import-kle: .*STORE must be "embedded" or "mongodb"/),
    });
  });
});
