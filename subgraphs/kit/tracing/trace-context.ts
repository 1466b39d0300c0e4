import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The W3C Trace Context request header. */
export const TRACEPARENT_HEADER = 'traceparent';

/** A caller's trace position, as read from a valid `traceparent` header. */
export interface RemoteTrace {
  /** 32 lowercase hex digits, not all zero. */
  traceId: string;
  /** The caller's span: 16 lowercase hex digits, not all zero. */
  spanId: string;
  /** The trace flags; bit 0 is "sampled". */
  traceFlags: number;
}

/** The span of one request in this service, inside its trace. */
export interface TraceContext {
  traceId: string;
  /** This service's span for the request; what its own outgoing calls name as parent. */
  spanId: string;
  /** The caller's span, when the request carried a valid `traceparent`. */
  parentSpanId: string | null;
  traceFlags: number;
}

const SAMPLED = 0x01;

// version-traceid-parentid-flags. A later version may append fields after a dash, which a
// version 00 reader ignores; version ff is forbidden.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** Reads a `traceparent` value; anything malformed is null, as the W3C spec asks. */
export function parseTraceparent(value: string | string[] | undefined): RemoteTrace | null {
  if (typeof value !== 'string') return null;
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return null;
  const [, version = '', traceId = '', spanId = '', flags = '', rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return null;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return null;
  return { traceId, spanId, traceFlags: parseInt(flags, 16) };
}

/**
 * The trace context of a request received with `headers`: a new span in the caller's trace, or,
 * without a valid `traceparent`, the root span of a new sampled trace.
 */
export function createTraceContext(headers: IncomingHttpHeaders): TraceContext {
  const remote = parseTraceparent(headers[TRACEPARENT_HEADER]);
  return {
    traceId: remote?.traceId ?? randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    parentSpanId: remote?.spanId ?? null,
    traceFlags: remote ? remote.traceFlags : SAMPLED,
  };
}

/** The `traceparent` value for a call made from `trace`'s span: that span is the parent. */
export function printTraceparent(trace: TraceContext): string {
  const flags = (trace.traceFlags & 0xff).toString(16).padStart(2, '0');
  return `00-${trace.traceId}-${trace.spanId}-${flags}`;
}
