/**
 * The upstream (or its token endpoint) refused the configured credentials: a configuration error,
 * not a passing failure. `reason` names the problem and the setting, never a secret.
 */
export class CredentialsRejectedError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'CredentialsRejectedError';
    this.reason = reason;
  }
}
