import { createRequestTracer, type RequestTracer } from './create-request-tracer';
import type { TracingConfig } from './read-tracing-config';

/** The span exporter `config` asks for, or undefined when no collector is configured. */
export function createTracerFromConfig(
  service: string,
  config: TracingConfig,
): RequestTracer | undefined {
  return config.otlpTracesUrl === null
    ? undefined
    : createRequestTracer({ service, url: config.otlpTracesUrl });
}
