import type { Env } from '../config';

export interface TracingConfig {
  /**
   * From OTEL_EXPORTER_OTLP_ENDPOINT, the OTLP/HTTP collector's base URL: spans go to its
   * `/v1/traces`. Unset: no span is exported and no OpenTelemetry SDK is set up. @default null
   */
  otlpTracesUrl: string | null;
}

/** Reads the span export settings; problems are collected in `problems`. */
export function readTracingConfig(env: Env, problems: string[]): TracingConfig {
  const raw = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (raw === undefined || raw === '') return { otlpTracesUrl: null };
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.push('OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL');
    return { otlpTracesUrl: null };
  }
  // As the OTLP exporter spec says: the signal's path is appended to the base endpoint.
  return { otlpTracesUrl: `${url.href.replace(/\/+$/, '')}/v1/traces` };
}
