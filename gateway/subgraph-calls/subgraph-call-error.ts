export type SubgraphCallFailure =
  | 'circuit-open'
  | 'timeout'
  | 'unreachable'
  | 'too-large'
  | 'invalid-body';

/**
 * A subgraph call that produced no usable answer. It never reaches a client: the data source
 * turns it into DOWNSTREAM_SERVICE_ERROR; its `reason` is for logs.
 */
export class SubgraphCallError extends Error {
  override readonly name = 'SubgraphCallError';
  constructor(
    readonly serviceName: string,
    readonly reason: SubgraphCallFailure,
    options?: { cause?: unknown },
  ) {
    super(`The ${serviceName} subgraph call failed: ${reason}`, options);
  }
}
