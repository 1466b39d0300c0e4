import {
  SUBGRAPH_FETCH_FAILURES,
  type SubgraphFetchEvent,
  type SubgraphFetchFailure,
  type SubgraphFetchOutcome,
} from '../subgraph-calls/subgraph-fetch-event';

/** The rolling windows reported, by label, in minutes. */
export const SLA_WINDOWS = { '1h': 60, '24h': 24 * 60 } as const;

export type SlaWindow = keyof typeof SLA_WINDOWS;

/**
 * Upper bounds (ms) of the latency classes each minute counts into; one more class holds the
 * rest. Percentiles are estimated from these classes, not from kept samples.
 */
export const SLA_LATENCY_BOUNDS_MS = [
  1, 2.5, 5, 10, 25, 50, 75, 100, 150, 250, 400, 600, 1000, 1500, 2500, 4000, 6000, 10000, 20000,
  30000,
] as const;

export interface SlaLatency {
  p50: number;
  p95: number;
  p99: number;
}

/** One subgraph over one window. */
export interface SlaWindowReport {
  /** Every attempt, counting calls skipped by an open breaker. */
  fetches: number;
  succeeded: number;
  /** `succeeded / fetches`; null without fetches. */
  availability: number | null;
  errors: Record<SubgraphFetchFailure, number>;
  /** Over the attempts that were sent (failed ones too); null when none was. */
  latencyMs: SlaLatency | null;
}

export interface SlaReport {
  generatedAt: string;
  subgraphs: Record<string, Record<SlaWindow, SlaWindowReport>>;
}

export interface SlaRecorder {
  record(event: SubgraphFetchEvent): void;
  /** Reports `serviceName` from now on, before its first fetch too. */
  addSubgraph(serviceName: string): void;
  getReport(): SlaReport;
  /** Minute buckets currently held, over all subgraphs: at most 1,440 per subgraph. */
  getBucketCount(): number;
}

export interface SlaRecorderOptions {
  /** Reported even before their first fetch. */
  subgraphs?: readonly string[];
  /** @default Date.now */
  now?: () => number;
}

const MINUTE_MS = 60_000;
const RING_MINUTES = Math.max(...Object.values(SLA_WINDOWS));
const OUTCOMES: readonly SubgraphFetchOutcome[] = ['ok', ...SUBGRAPH_FETCH_FAILURES];
const OUTCOME_INDEX = Object.fromEntries(
  OUTCOMES.map((outcome, index) => [outcome, index]),
) as Record<SubgraphFetchOutcome, number>;
const LATENCY_CLASSES = SLA_LATENCY_BOUNDS_MS.length + 1;

/** One minute of one subgraph: a count per outcome, then a count per latency class. */
interface MinuteBucket {
  minute: number;
  counts: Uint32Array;
}

function getLatencyClass(durationMs: number): number {
  const index = SLA_LATENCY_BOUNDS_MS.findIndex((bound) => durationMs <= bound);
  return index === -1 ? SLA_LATENCY_BOUNDS_MS.length : index;
}

/**
 * The latency below which a share `q` of the attempts fell, interpolated within its class as
 * Prometheus' histogram_quantile does; the open top class gives its lower bound.
 */
function estimatePercentile(classes: Uint32Array | number[], total: number, q: number): number {
  const rank = q * total;
  let below = 0;
  for (let index = 0; index < LATENCY_CLASSES; index += 1) {
    const count = classes[index] ?? 0;
    if (count > 0 && below + count >= rank) {
      const upper = SLA_LATENCY_BOUNDS_MS[index];
      const lower = index === 0 ? 0 : (SLA_LATENCY_BOUNDS_MS[index - 1] ?? 0);
      if (upper === undefined) return lower;
      return Math.round((lower + ((upper - lower) * (rank - below)) / count) * 10) / 10;
    }
    below += count;
  }
  return 0;
}

function emptyErrors(): Record<SubgraphFetchFailure, number> {
  return Object.fromEntries(SUBGRAPH_FETCH_FAILURES.map((kind) => [kind, 0])) as Record<
    SubgraphFetchFailure,
    number
  >;
}

/**
 * Follows each subgraph supplier's service level: the outcome and latency of every fetch,
 * counted into per-minute buckets kept in a ring of one day, so memory stays bounded (1,440
 * buckets of 29 counters per subgraph at most) however busy the gateway is. The last hour and the
 * last day are read by adding up buckets, the current minute included.
 */
export function createSlaRecorder(options: SlaRecorderOptions = {}): SlaRecorder {
  const now = options.now ?? Date.now;
  const rings = new Map<string, (MinuteBucket | undefined)[]>();

  const getRing = (serviceName: string): (MinuteBucket | undefined)[] => {
    let ring = rings.get(serviceName);
    if (!ring) {
      ring = new Array<MinuteBucket | undefined>(RING_MINUTES);
      rings.set(serviceName, ring);
    }
    return ring;
  };
  for (const name of options.subgraphs ?? []) getRing(name);

  function summarise(
    ring: (MinuteBucket | undefined)[],
    minutes: number,
    current: number,
  ): SlaWindowReport {
    const outcomes = new Array<number>(OUTCOMES.length).fill(0);
    const latency = new Array<number>(LATENCY_CLASSES).fill(0);
    for (const bucket of ring) {
      if (!bucket || bucket.minute <= current - minutes || bucket.minute > current) continue;
      for (let index = 0; index < OUTCOMES.length; index += 1) {
        outcomes[index] = (outcomes[index] ?? 0) + (bucket.counts[index] ?? 0);
      }
      for (let index = 0; index < LATENCY_CLASSES; index += 1) {
        latency[index] = (latency[index] ?? 0) + (bucket.counts[OUTCOMES.length + index] ?? 0);
      }
    }
    const fetches = outcomes.reduce((sum, count) => sum + count, 0);
    const succeeded = outcomes[0] ?? 0;
    const errors = emptyErrors();
    SUBGRAPH_FETCH_FAILURES.forEach((kind, index) => {
      errors[kind] = outcomes[index + 1] ?? 0;
    });
    const sent = latency.reduce((sum, count) => sum + count, 0);
    return {
      fetches,
      succeeded,
      availability: fetches === 0 ? null : succeeded / fetches,
      errors,
      latencyMs:
        sent === 0
          ? null
          : {
              p50: estimatePercentile(latency, sent, 0.5),
              p95: estimatePercentile(latency, sent, 0.95),
              p99: estimatePercentile(latency, sent, 0.99),
            },
    };
  }

  return {
    addSubgraph(serviceName) {
      getRing(serviceName);
    },
    record(event) {
      const minute = Math.floor(now() / MINUTE_MS);
      const ring = getRing(event.serviceName);
      const slot = minute % RING_MINUTES;
      let bucket = ring[slot];
      if (!bucket || bucket.minute !== minute) {
        // A bucket a day old (or older) is reused in place.
        bucket = { minute, counts: new Uint32Array(OUTCOMES.length + LATENCY_CLASSES) };
        ring[slot] = bucket;
      }
      const outcome = OUTCOME_INDEX[event.outcome];
      bucket.counts[outcome] = (bucket.counts[outcome] ?? 0) + 1;
      // A call the breaker refused never went out: it has no latency.
      if (event.outcome !== 'breaker_open') {
        const latencyIndex = OUTCOMES.length + getLatencyClass(event.durationMs);
        bucket.counts[latencyIndex] = (bucket.counts[latencyIndex] ?? 0) + 1;
      }
    },
    getReport() {
      const at = now();
      const current = Math.floor(at / MINUTE_MS);
      const subgraphs: SlaReport['subgraphs'] = {};
      for (const [name, ring] of [...rings].sort(([a], [b]) => a.localeCompare(b))) {
        subgraphs[name] = {
          '1h': summarise(ring, SLA_WINDOWS['1h'], current),
          '24h': summarise(ring, SLA_WINDOWS['24h'], current),
        };
      }
      return { generatedAt: new Date(at).toISOString(), subgraphs };
    },
    getBucketCount() {
      let count = 0;
      for (const ring of rings.values()) count += ring.filter(Boolean).length;
      return count;
    },
  };
}
