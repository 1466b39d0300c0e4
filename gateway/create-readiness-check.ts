/** Each subgraph's readiness, by name. */
export type SubgraphReadiness = Record<string, 'ready' | 'unavailable'>;

export interface ReadinessCheckOptions {
  /** Subgraph GraphQL URLs by name; `/ready` is asked next to each. */
  subgraphUrls: Record<string, string>;
  /** How long one answer is reused, so a probe storm does not become a subgraph storm. @default 2000 */
  cacheMs?: number;
  /** @default 1000 */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * The gateway is ready when every subgraph's `/ready` answers 200. Answers are cached briefly;
 * concurrent probes share one round of checks.
 */
export function createReadinessCheck(
  options: ReadinessCheckOptions,
): () => Promise<{ ready: boolean; subgraphs: SubgraphReadiness }> {
  const fetchReady = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? 2000;
  let last: {
    at: number;
    result: Promise<{ ready: boolean; subgraphs: SubgraphReadiness }>;
  } | null = null;

  async function checkAll(): Promise<{ ready: boolean; subgraphs: SubgraphReadiness }> {
    const entries = await Promise.all(
      Object.entries(options.subgraphUrls).map(async ([name, url]) => {
        try {
          const response = await fetchReady(url.replace(/\/graphql$/, '/ready'), {
            signal: AbortSignal.timeout(options.timeoutMs ?? 1000),
          });
          await response.body?.cancel();
          return [name, response.ok ? 'ready' : 'unavailable'] as const;
        } catch {
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const subgraphs: SubgraphReadiness = Object.fromEntries(entries);
    return { ready: entries.every(([, state]) => state === 'ready'), subgraphs };
  }

  return () => {
    if (!last || now() - last.at >= cacheMs) last = { at: now(), result: checkAll() };
    return last.result;
  };
}
