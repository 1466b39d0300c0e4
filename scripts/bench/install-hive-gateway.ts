import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Hive Gateway release the bench compares against (installed apart, never a dependency). */
export const HIVE_GATEWAY_VERSION = '2.15.1';

/** Hive Gateway's config: forward the caller's Authorization header and nothing else. */
const HIVE_CONFIG = `export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }),
  },
};
`;

/**
 * Makes sure Hive Gateway is installed under `dir` (`npm install --prefix`, its own
 * node_modules, outside the project's dependencies) and returns the path of its CLI, or null
 * with the reason when it cannot be installed (no registry, a failed install).
 */
export async function installHiveGateway(
  dir: string,
  log: (line: string) => void,
): Promise<{ bin: string; configFile: string } | { bin: null; reason: string }> {
  const bin = join(dir, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'gateway.config.mjs');
  writeFileSync(configFile, HIVE_CONFIG);
  if (existsSync(bin)) return { bin, configFile };
  log(`installing @graphql-hive/gateway@${HIVE_GATEWAY_VERSION} into ${dir} (once; a few minutes)`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `@graphql-hive/gateway@${HIVE_GATEWAY_VERSION}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.on('error', () => resolve(-1));
    child.on('exit', (exitCode) => resolve(exitCode ?? -1));
  });
  if (code !== 0 || !existsSync(bin))
    return { bin: null, reason: `npm install exited with ${code}` };
  return { bin, configFile };
}
