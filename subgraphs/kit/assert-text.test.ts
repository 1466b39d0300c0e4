import { assertText } from './assert-text';
import { BadUserInputError } from './domain-error';

function getError(run: () => unknown): BadUserInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error;
    throw error;
  }
  throw new Error('expected a BadUserInputError');
}

describe('assertText', () => {
  it('returns the text trimmed', () => {
    expect(assertText('  Vejen 1 ', 'navn', 20)).toBe('Vejen 1');
  });

  it('accepts text exactly as long as the limit', () => {
    expect(assertText('abcde', 'navn', 5)).toBe('abcde');
  });

  it.each([
    ['a number', 42, 'navn must be text'],
    ['null', null, 'navn must be text'],
    ['blank text', '   ', 'navn must not be empty'],
    ['text over the limit', 'abcdef', 'navn must be at most 5 characters'],
    ['a line break', 'a\nb', 'navn must not contain control characters'],
    ['a DEL character', 'a\u007fb', 'navn must not contain control characters'],
  ])('refuses %s with BAD_USER_INPUT naming the field', (_case, value, message) => {
    const error = getError(() => assertText(value, 'navn', 5));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(message);
    expect(error.details).toEqual({ field: 'navn' });
  });
});
