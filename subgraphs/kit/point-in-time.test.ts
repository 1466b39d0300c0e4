import { BadUserInputError } from './domain-error';
import { parseInstant, parsePointInTime } from './point-in-time';

describe('parseInstant', () => {
  it.each([
    ['2024-01-31', '2024-01-31T00:00:00.000Z'],
    ['2024-01-31T12:00:00Z', '2024-01-31T12:00:00.000Z'],
    ['2024-01-31T12:00:00.123+02:00', '2024-01-31T10:00:00.123Z'],
    ['2024-02-29T00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('accepts %s', (value, expected) => {
    expect(parseInstant(value, 'Virkningstid').toISOString()).toBe(expected);
  });

  it.each([
    '',
    'now',
    '2024-02-31',
    '2023-02-29T00:00:00Z',
    '2024-01-31T12:00:00',
    '31-01-2024',
    '2024-1-3',
    '1706702400000',
  ])('rejects %j with BAD_USER_INPUT naming the header', (value) => {
    expect(() => parseInstant(value, 'Virkningstid')).toThrow(BadUserInputError);
    try {
      parseInstant(value, 'Virkningstid');
    } catch (error) {
      expect((error as BadUserInputError).details).toEqual({ field: 'Virkningstid' });
    }
  });
});

describe('parsePointInTime', () => {
  const now = new Date('2026-11-23T08:00:00Z');

  it('defaults both axes to now', () => {
    expect(parsePointInTime({}, now)).toEqual({ virkningstid: now, registreringstid: now });
  });

  it('reads each axis from its own header', () => {
    expect(parsePointInTime({ virkningstid: '2020-01-01' }, now)).toEqual({
      virkningstid: new Date('2020-01-01T00:00:00Z'),
      registreringstid: now,
    });
  });
});
