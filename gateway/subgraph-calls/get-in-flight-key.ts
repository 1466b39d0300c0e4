import { REQUEST_ID_HEADER } from '../../subgraphs/kit/request-id';
import { TRACEPARENT_HEADER } from '../../subgraphs/kit/tracing/trace-context';

/** Headers that name a request for logs and traces, not what it asks. */
const CORRELATION_HEADERS = new Set([REQUEST_ID_HEADER, TRACEPARENT_HEADER]);

function listHeaders(headers: RequestInit['headers']): [string, string][] {
  if (headers === undefined) return [];
  if (headers instanceof Headers || Array.isArray(headers)) {
    return [...new Headers(headers)];
  }
  return Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]);
}

/**
 * The identity of a subgraph call for sharing one answer between identical calls in flight:
 * URL, method, body and every header sent, the caller's token and point in time included, so
 * two callers share only what each of them would have been sent anyway. The request id and trace
 * context are left out: they tell whose call it is, not what it asks.
 */
export function getInFlightKey(url: string, init: RequestInit): string | null {
  if (typeof init.body !== 'string') return null;
  const headers = listHeaders(init.headers)
    .filter(([name]) => !CORRELATION_HEADERS.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}:${value}`)
    .join('\n');
  return `${init.method ?? 'GET'} ${url}\n${headers}\n\n${init.body}`;
}
