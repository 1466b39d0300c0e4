import { formatSlaReport } from './format-sla-report';
import type { GatewayStatus } from './get-gateway-status';

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000';

export interface SlaReportIo {
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  stdout: (text: string) => void;
  stderr: (line: string) => void;
  /** How long to wait for the gateway. @default 5000 */
  timeoutMs?: number;
}

const USAGE = `usage: npm run sla-report [-- --url ${DEFAULT_GATEWAY_URL}]`;

function isGatewayStatus(value: unknown): value is GatewayStatus {
  if (typeof value !== 'object' || value === null) return false;
  const { generatedAt, subgraphs, breakers } = value as Record<string, unknown>;
  return (
    typeof generatedAt === 'string' &&
    typeof subgraphs === 'object' &&
    subgraphs !== null &&
    typeof breakers === 'object' &&
    breakers !== null
  );
}

/** Reads `--url <gateway>` (or `--url=<gateway>`): the /status URL, or what is wrong. */
function readGatewayUrl(argv: readonly string[]): { url: URL } | { problem: string } {
  let raw = DEFAULT_GATEWAY_URL;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--url') {
      const next = argv[index + 1];
      if (next === undefined) return { problem: '--url needs a value' };
      raw = next;
      index += 1;
    } else if (argument.startsWith('--url=')) {
      raw = argument.slice('--url='.length);
    } else {
      return { problem: `unknown argument "${argument}"` };
    }
  }
  try {
    const url = new URL('/status', raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    return { url };
  } catch {
    return { problem: `--url must be an http(s) URL, got "${raw}"` };
  }
}

/**
 * `npm run sla-report`: reads `/status` from a running gateway and prints each subgraph
 * supplier's service level as a table. Resolves with the exit code: 0, or 1 when the arguments
 * are wrong or the gateway cannot be reached or gives no status.
 */
export async function runSlaReport(argv: readonly string[], io: SlaReportIo): Promise<number> {
  const target = readGatewayUrl(argv);
  if ('problem' in target) {
    io.stderr(target.problem);
    io.stderr(USAGE);
    return 1;
  }
  const { url } = target;
  let response: Response;
  try {
    response = await (io.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(io.timeoutMs ?? 5000),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    io.stderr(
      `Cannot reach the gateway at ${url.origin}${timedOut ? ' (no answer in time)' : ''}: is it running? Pass its address with --url.`,
    );
    return 1;
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Reported below as an unexpected answer.
  }
  if (!response.ok || !isGatewayStatus(body)) {
    io.stderr(
      `The gateway at ${url.origin} answered ${response.status} without a service-level status (is it a gateway of this version?).`,
    );
    return 1;
  }
  io.stdout(formatSlaReport(body));
  return 0;
}
