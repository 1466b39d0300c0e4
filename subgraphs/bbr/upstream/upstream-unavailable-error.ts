import { DomainError } from '../../kit/domain-error';

/** Why a call to BBR failed; logged, never shown (the client sees only the code and message). */
export type UpstreamFailure =
  | 'timeout'
  | 'network'
  | 'status'
  | 'malformed'
  | 'retry-after-too-long'
  | 'circuit-open'
  | 'credentials';

const MESSAGES: Record<UpstreamFailure, string> = {
  timeout: 'BBR did not answer in time; try again later',
  network: 'BBR could not be reached; try again later',
  status: 'BBR answered with an error; try again later',
  malformed: 'BBR answered with a response that could not be read',
  'retry-after-too-long': 'BBR is busy; try again later',
  'circuit-open': 'BBR is unavailable; try again later',
  credentials: 'BBR is unavailable: the service is not configured correctly',
};

/**
 * BBR could not answer. Deliberately vague: neither the upstream's URL, credentials nor body is
 * part of it, so it is safe to show on the affected fields.
 */
export class UpstreamUnavailableError extends DomainError {
  readonly reason: UpstreamFailure;
  constructor(reason: UpstreamFailure) {
    super('UPSTREAM_UNAVAILABLE', MESSAGES[reason], { status: 503 });
    this.reason = reason;
  }
}
