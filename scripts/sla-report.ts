// Prints each subgraph supplier's service level from a running gateway's /status:
//   npm run sla-report [-- --url http://127.0.0.1:4000]
import { runSlaReport } from '../gateway/status/run-sla-report';

runSlaReport(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
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
