import { runInNewContext } from 'node:vm';
import { DateTimeScalar } from './graphql-scalars';

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
