import { BadUserInputError } from '../../kit/domain-error';
import { assertCpr, isCpr } from './assert-cpr';

describe('isCpr', () => {
  it.each([
    ['0101901234', 'an ordinary date'],
    ['2902004123', '29 February 2000 (7th digit 4, year 00 → 2000, a leap year)'],
    ['2902963123', '29 February 1996'],
    ['3112999999', '31 December 1999'],
  ])('accepts %s: %s', (cpr) => {
    expect(isCpr(cpr)).toBe(true);
  });

  it.each([
    ['3202901234', 'day 32'],
    ['0013901234', 'month 13'],
    ['0000901234', 'day and month 0'],
    ['3104901234', '31 April'],
    ['2902973123', '29 February 1997, not a leap year'],
    ['010190123', '9 digits'],
    ['01019012345', '11 digits'],
    ['010190-1234', 'with a dash'],
    ['01019O1234', 'a letter'],
    ['０１０１９０１２３４', 'full-width digits'],
  ])('refuses %s: %s', (cpr) => {
    expect(isCpr(cpr)).toBe(false);
  });

  it('applies the century rule: 29 February 1858 (7th digit 5, year 58) is no date', () => {
    // 1858 was no leap year, 2058 would not be either; 7th digit 5 with 58 means 1858.
    expect(isCpr('2902585123')).toBe(false);
    // 7th digit 4 with year 36 means 2036, a leap year.
    expect(isCpr('2902364123')).toBe(true);
  });
});

describe('assertCpr', () => {
  it('names the field and never repeats the number', () => {
    expect.assertions(3);
    try {
      assertCpr('3202901234', 'input.parter[0].cpr');
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).details).toEqual({ field: 'input.parter[0].cpr' });
      expect((error as Error).message).not.toContain('3202901234');
    }
  });
});
