import { SpanKind, SpanStatusCode, type Attributes, type HrTime } from '@opentelemetry/api';
import { hrTimeDuration, millisToHrTime } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { TraceContext } from './trace-context';

/** One finished request, as a span. */
export interface RequestSpan {
  name: string;
  trace: TraceContext;
  /** Epoch milliseconds (fractions allowed). */
  startTime: number;
  endTime: number;
  failed: boolean;
  /** Plain facts about the request only: never variables, tokens or CPR numbers. */
  attributes: Attributes;
}

/** Sends request spans to a collector in batches. */
export interface RequestTracer {
  record(span: RequestSpan): void;
  /** Exports what is buffered now. */
  forceFlush(): Promise<void>;
  /** Exports what is buffered; call before exiting. Later spans are dropped. */
  shutdown(): Promise<void>;
}

const SCOPE = { name: 'kommunegraf' };

/**
 * A tracer exporting over OTLP/HTTP from a BatchSpanProcessor of its own. No tracer provider is
 * registered: several services share a process in tests and none may see another's spans. Span
 * ids are chosen when the request's context is built (they go into forwarded `traceparent`
 * headers before the operation is known), so spans are handed to the processor finished.
 */
export function createRequestTracer(options: {
  service: string;
  url: string;
  /** @default an OTLP/HTTP exporter posting to `url` */
  exporter?: SpanExporter;
}): RequestTracer {
  const processor = new BatchSpanProcessor(
    options.exporter ?? new OTLPTraceExporter({ url: options.url }),
  );
  const resource = resourceFromAttributes({ 'service.name': options.service });
  return {
    record(span) {
      const startTime: HrTime = millisToHrTime(span.startTime);
      const endTime: HrTime = millisToHrTime(Math.max(span.endTime, span.startTime));
      const { trace } = span;
      const readable: ReadableSpan = {
        name: span.name,
        kind: SpanKind.SERVER,
        spanContext: () => ({
          traceId: trace.traceId,
          spanId: trace.spanId,
          traceFlags: trace.traceFlags,
        }),
        ...(trace.parentSpanId === null
          ? {}
          : {
              parentSpanContext: {
                traceId: trace.traceId,
                spanId: trace.parentSpanId,
                traceFlags: trace.traceFlags,
                isRemote: true,
              },
            }),
        startTime,
        endTime,
        duration: hrTimeDuration(startTime, endTime),
        status: { code: span.failed ? SpanStatusCode.ERROR : SpanStatusCode.OK },
        attributes: span.attributes,
        links: [],
        events: [],
        ended: true,
        resource,
        instrumentationScope: SCOPE,
        droppedAttributesCount: 0,
        droppedEventsCount: 0,
        droppedLinksCount: 0,
      };
      // The processor drops spans whose trace is not sampled (flag bit 0 unset).
      processor.onEnd(readable);
    },
    forceFlush: () => processor.forceFlush(),
    shutdown: () => processor.shutdown(),
  };
}
