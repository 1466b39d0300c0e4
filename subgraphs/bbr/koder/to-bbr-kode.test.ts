import { toBbrKode } from './to-bbr-kode';

describe('toBbrKode', () => {
  it('labels a known code', () => {
    expect(toBbrKode('bygningensAnvendelse', '120')).toEqual({
      kode: '120',
      tekst: 'Fritliggende enfamiliehus',
    });
  });

  it('still labels a phased-out code', () => {
    expect(toBbrKode('bygningensAnvendelse', '130')?.tekst).toMatch(/^\(UDFASES\)/);
  });

  it('keeps an unknown code with a null label', () => {
    expect(toBbrKode('livscyklus', '77')).toEqual({ kode: '77', tekst: null });
  });

  it('reads a code sent as a number, and gives null for a missing one', () => {
    expect(toBbrKode('livscyklus', 6)).toEqual({ kode: '6', tekst: 'Opført' });
    expect([toBbrKode('livscyklus', null), toBbrKode('livscyklus', '')]).toEqual([null, null]);
  });

  it('does not take a label from the object prototype', () => {
    expect(toBbrKode('livscyklus', 'constructor')).toEqual({ kode: 'constructor', tekst: null });
  });
});
