import type { CircuitState } from '../../subgraphs/kit/create-circuit-breaker';
import type { SlaRecorder, SlaReport } from './create-sla-recorder';

/**
 * What `/status` answers: each subgraph's service level over the last hour and day, and its
 * breaker state now. Only per-subgraph aggregates: no URL, no request, no caller.
 */
export interface GatewayStatus extends SlaReport {
  breakers: Record<string, CircuitState>;
}

export function getGatewayStatus(
  sla: SlaRecorder,
  breakers: Record<string, CircuitState>,
): GatewayStatus {
  return { ...sla.getReport(), breakers };
}
