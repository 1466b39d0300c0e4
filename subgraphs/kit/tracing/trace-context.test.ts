import { createTraceContext, parseTraceparent, printTraceparent } from './trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

describe('parseTraceparent', () => {
  it('reads a version 00 header', () => {
    expect(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-01`)).toEqual({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: 1,
    });
  });

  it('reads the known fields of a later version and ignores the rest', () => {
    expect(parseTraceparent(`cc-${TRACE_ID}-${SPAN_ID}-00-extra`)).toMatchObject({
      traceId: TRACE_ID,
      traceFlags: 0,
    });
  });

  it.each([
    ['missing', undefined],
    ['repeated', [`00-${TRACE_ID}-${SPAN_ID}-01`, `00-${TRACE_ID}-${SPAN_ID}-01`]],
    ['empty', ''],
    ['upper-case hex', `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${SPAN_ID}-01`],
    ['an all-zero span id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['the forbidden version ff', `ff-${TRACE_ID}-${SPAN_ID}-01`],
    ['trailing data on version 00', `00-${TRACE_ID}-${SPAN_ID}-01-x`],
    ['a short trace id', `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`],
    ['injected text', `00-${TRACE_ID}-${SPAN_ID}-01\n{"level":60}`],
  ])('ignores a header that is %s', (_, value) => {
    expect(parseTraceparent(value)).toBeNull();
  });
});

describe('createTraceContext', () => {
  it('continues the caller’s trace with a span of its own', () => {
    const trace = createTraceContext({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-01` });
    expect(trace).toMatchObject({ traceId: TRACE_ID, parentSpanId: SPAN_ID, traceFlags: 1 });
    expect(trace.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(trace.spanId).not.toBe(SPAN_ID);
    expect(printTraceparent(trace)).toBe(`00-${TRACE_ID}-${trace.spanId}-01`);
  });

  it('starts a new sampled trace without a valid header', () => {
    const trace = createTraceContext({ traceparent: 'nonsense' });
    expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(trace.parentSpanId).toBeNull();
    expect(printTraceparent(trace)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('keeps an unsampled caller’s decision', () => {
    const trace = createTraceContext({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-00` });
    expect(printTraceparent(trace)).toMatch(/-00$/);
  });
});
