import { selectRegistration } from './select-registration';

const at = (virkningstid: string, registreringstid: string) => ({
  virkningstid: new Date(virkningstid),
  registreringstid: new Date(registreringstid),
});

// A use changed in 2021: the old registration closed, the old state re-registered up to the
// change, and the new state from it (how BBR records a change).
const HISTORY = [
  {
    id_lokalId: 'b',
    v: 'old',
    registreringFra: '2014-01-01T00:00:00Z',
    registreringTil: '2021-06-15T00:00:00Z',
    virkningFra: '2014-01-01T00:00:00Z',
    virkningTil: null,
  },
  {
    id_lokalId: 'b',
    v: 'old',
    registreringFra: '2021-06-15T00:00:00Z',
    registreringTil: null,
    virkningFra: '2014-01-01T00:00:00Z',
    virkningTil: '2021-06-01T00:00:00Z',
  },
  {
    id_lokalId: 'b',
    v: 'new',
    registreringFra: '2021-06-15T00:00:00Z',
    registreringTil: null,
    virkningFra: '2021-06-01T00:00:00Z',
    virkningTil: null,
  },
];

describe('selectRegistration', () => {
  it('picks the registration in effect and known now', () => {
    expect(selectRegistration(HISTORY, at('2025-01-01Z', '2025-01-01Z'))?.v).toBe('new');
  });

  it('answers for an earlier Virkningstid with what is now known about then', () => {
    expect(selectRegistration(HISTORY, at('2020-01-01Z', '2025-01-01Z'))?.v).toBe('old');
  });

  it('answers for an earlier Registreringstid with what was known then', () => {
    expect(selectRegistration(HISTORY, at('2025-01-01Z', '2020-01-01Z'))?.v).toBe('old');
  });

  it('finds nothing before the object existed, and skips registrations made in error', () => {
    expect(selectRegistration(HISTORY, at('2010-01-01Z', '2025-01-01Z'))).toBeNull();
    const wrong = HISTORY.map((r) => (r.v === 'new' ? { ...r, status: '11' } : r));
    expect(selectRegistration(wrong, at('2025-01-01Z', '2025-01-01Z'))).toBeNull();
  });
});
