import { BadUserInputError } from './domain-error';

// Control characters never belong in a name, title or key: a file name ends up in a header, and
// callers may rely on their absence (one serves as a sort-key separator that sorts before every
// real character).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Returns the trimmed text, or throws BAD_USER_INPUT naming `field` when empty, long or odd. */
export function assertText(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string') throw new BadUserInputError(`${field} must be text`, field);
  const text = value.trim();
  if (text.length === 0) throw new BadUserInputError(`${field} must not be empty`, field);
  if (text.length > maxLength) {
    throw new BadUserInputError(`${field} must be at most ${maxLength} characters`, field);
  }
  if (CONTROL_CHARACTERS.test(text)) {
    throw new BadUserInputError(`${field} must not contain control characters`, field);
  }
  return text;
}
