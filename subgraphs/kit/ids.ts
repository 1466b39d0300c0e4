import { BadUserInputError } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Returns the uuid in canonical lower case, or throws BAD_USER_INPUT naming `field`. */
export function assertUuid(value: unknown, field: string): string {
  if (!isUuid(value)) throw new BadUserInputError(`${field} must be a UUID`, field);
  return value.toLowerCase();
}
