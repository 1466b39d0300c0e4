import { DEV_ISSUER_SETTINGS } from './dev-issuer-settings';
import {
  DEV_PROFILE_NAMES,
  DEV_PROFILES,
  getDevProfileClaims,
  isDevProfileName,
} from './dev-profiles';
import { loadDevIssuer } from './load-dev-issuer';

export interface TokenCommandIo {
  /** Where the development issuer's key is kept (created when missing). */
  storeDir: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** Exit code for a wrong argument, as shells use it for usage errors. */
export const USAGE_EXIT_CODE = 2;

/**
 * `npm run token -- <profile>`: prints a token of the development issuer for the profile, alone
 * on the last line of stdout (scripts take it with `tail -1`), and what it grants on stderr.
 * `--list` prints the profile names one per line. Returns the exit code.
 */
export async function runTokenCommand(
  args: readonly string[],
  io: TokenCommandIo,
): Promise<number> {
  const [argument, ...rest] = args;
  if (argument === '--list' && rest.length === 0) {
    for (const name of DEV_PROFILE_NAMES) io.stdout(name);
    return 0;
  }
  if (argument === undefined || rest.length > 0 || !isDevProfileName(argument)) {
    io.stderr(
      argument === undefined || argument.startsWith('-')
        ? 'Usage: npm run token -- <profile>   (or --list)'
        : `Unknown profile "${argument}".`,
    );
    io.stderr('Profiles:');
    for (const name of DEV_PROFILE_NAMES) io.stderr(`  ${name}`);
    return USAGE_EXIT_CODE;
  }
  const issuer = await loadDevIssuer(io.storeDir);
  const token = await issuer.sign(getDevProfileClaims(argument), {
    expiresIn: DEV_ISSUER_SETTINGS.tokenLifetime,
  });
  io.stderr(
    `${argument}: ${DEV_PROFILES[argument].description} (valid ${DEV_ISSUER_SETTINGS.tokenLifetime})`,
  );
  io.stdout(token);
  return 0;
}
