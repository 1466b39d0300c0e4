import { selectKnownRegistreringer } from './select-known-registreringer';

const d = (iso: string): Date => new Date(iso);

const history = [
  { nr: 1, fra: d('2024-01-01T00:00:00Z'), til: d('2024-02-01T00:00:00Z') },
  { nr: 2, fra: d('2024-02-01T00:00:00Z'), til: d('2024-03-01T00:00:00Z') },
  { nr: 3, fra: d('2024-03-01T00:00:00Z'), til: null },
];

describe('selectKnownRegistreringer', () => {
  it('gives the whole history unchanged at or after the latest registration', () => {
    expect(selectKnownRegistreringer(history, d('2024-03-01T00:00:00Z'))).toEqual(history);
    expect(selectKnownRegistreringer(history, d('2030-01-01T00:00:00Z'))).toEqual(history);
  });

  it('leaves out later registrations and shows the one current then as still open', () => {
    expect(selectKnownRegistreringer(history, d('2024-02-15T00:00:00Z'))).toEqual([
      history[0],
      { nr: 2, fra: d('2024-02-01T00:00:00Z'), til: null },
    ]);
  });

  it('keeps a registration that closed exactly at the instant closed', () => {
    expect(selectKnownRegistreringer(history, d('2024-02-01T00:00:00Z'))).toEqual([
      history[0],
      { nr: 2, fra: d('2024-02-01T00:00:00Z'), til: null },
    ]);
  });

  it('gives nothing before the first registration', () => {
    expect(selectKnownRegistreringer(history, d('2023-12-31T23:59:59Z'))).toEqual([]);
  });

  it('does not change the registrations it was given', () => {
    selectKnownRegistreringer(history, d('2024-01-15T00:00:00Z'));
    expect(history[0]?.til).toEqual(d('2024-02-01T00:00:00Z'));
  });
});
