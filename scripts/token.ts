// Prints a development token: npm run token -- <profile>   (npm run token -- --list for the names)
//   TOKEN=$(npm run --silent token -- sagsbehandler)
import { getDevStoreDir } from './dev-issuer/get-dev-store-dir';
import { runTokenCommand } from './dev-issuer/run-token-command';

// A reader that stops early (`| head -1`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

runTokenCommand(process.argv.slice(2), {
  storeDir: getDevStoreDir(process.env),
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
