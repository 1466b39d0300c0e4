/** A privileges claim that cannot be read; the token carrying it is refused. */
export class InvalidPrivilegesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPrivilegesError';
  }
}
