import { BadUserInputError } from '../../kit/domain-error';

// A description may span lines and use tabs; other control characters are refused.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Like assertText for longer, multi-line text; blank or missing text is null. */
export function assertOptionalLongText(
  value: unknown,
  field: string,
  maxLength: number,
): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new BadUserInputError(`${field} must be text`, field);
  const text = value.trim();
  if (text.length > maxLength) {
    throw new BadUserInputError(`${field} must be at most ${maxLength} characters`, field);
  }
  if (CONTROL_CHARACTERS_EXCEPT_WHITESPACE.test(text)) {
    throw new BadUserInputError(`${field} must not contain control characters`, field);
  }
  return text === '' ? null : text;
}
