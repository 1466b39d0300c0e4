const CPR = /^[0-9]{10}$/;

/** A CPR number as the audit log stores it: exactly ten digits, no hyphen. */
export function isCpr(value: unknown): value is string {
  return typeof value === 'string' && CPR.test(value);
}
