import { runInNewContext } from 'node:vm';
import { Kind } from 'graphql';
import { DateScalar, DateTimeScalar } from './graphql-scalars';

describe('DateTimeScalar', () => {
  it('prints instants with milliseconds in UTC', () => {
    expect(DateTimeScalar.serialize(new Date('2026-01-31T12:00:00.123+01:00'))).toBe(
      '2026-01-31T11:00:00.123Z',
    );
  });

  it('keeps the milliseconds of a Date made in another realm', () => {
    const foreign: unknown = runInNewContext('new Date(Date.UTC(2026, 0, 31, 12, 0, 0, 123))');
    expect(foreign instanceof Date).toBe(false);
    expect(DateTimeScalar.serialize(foreign)).toBe('2026-01-31T12:00:00.123Z');
  });

  it('rejects a value that is no instant', () => {
    expect(() => DateTimeScalar.parseValue('i morgen')).toThrow(
      'DateTime must be an ISO 8601 string',
    );
  });
});

describe('DateScalar', () => {
  it('passes calendar dates through unchanged', () => {
    expect(DateScalar.serialize('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2024-02-29' })).toBe('2024-02-29');
  });

  it.each(['2025-02-29', '2024-13-01', '2024-1-5', '2024-01-31T00:00:00Z', 20240131])(
    'refuses %p as input with BAD_USER_INPUT',
    (value) => {
      try {
        DateScalar.parseValue(value);
        throw new Error('expected a GraphQLError');
      } catch (error) {
        expect(error).toMatchObject({
          message: 'Date must be a calendar date YYYY-MM-DD',
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
    },
  );

  it('refuses a literal that is not a string', () => {
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20240131' })).toThrow(
      'Date must be a calendar date YYYY-MM-DD',
    );
  });

  it('refuses to print a value that is no calendar date', () => {
    expect(() => DateScalar.serialize('2025-02-30')).toThrow('Date cannot represent value');
  });
});
