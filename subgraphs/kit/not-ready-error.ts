/**
 * Thrown by a service's readiness check to say why it is not ready; `/ready` shows the reason, so
 * it must name the problem (a setting, a dependency), never a secret or an internal address.
 */
export class NotReadyError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'NotReadyError';
    this.reason = reason;
  }
}
