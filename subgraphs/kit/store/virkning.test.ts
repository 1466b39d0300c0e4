import { patchTimeline, selectAt } from './virkning';
import type { Registrering } from './bitemporal-store';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe('patchTimeline', () => {
  it('splits the open period at the change and keeps the earlier data', () => {
    const result = patchTimeline(
      [{ fra: d('2007-01-01'), til: null, data: { navn: 'A', kode: 1 } }],
      { navn: 'B' },
      d('2024-01-01'),
    );
    expect(result).toEqual([
      { fra: d('2007-01-01'), til: d('2024-01-01'), data: { navn: 'A', kode: 1 } },
      { fra: d('2024-01-01'), til: null, data: { navn: 'B', kode: 1 } },
    ]);
  });

  it('applies a bounded change only inside its period', () => {
    const result = patchTimeline(
      [{ fra: d('2007-01-01'), til: null, data: { navn: 'A' } }],
      { navn: 'B' },
      d('2010-01-01'),
      d('2012-01-01'),
    );
    expect(result.map((v) => [v.fra, v.til, v.data.navn])).toEqual([
      [d('2007-01-01'), d('2010-01-01'), 'A'],
      [d('2010-01-01'), d('2012-01-01'), 'B'],
      [d('2012-01-01'), null, 'A'],
    ]);
  });

  it('keeps a later scheduled change of another field', () => {
    const result = patchTimeline(
      [
        { fra: d('2007-01-01'), til: d('2030-01-01'), data: { navn: 'A', kode: 1 } },
        { fra: d('2030-01-01'), til: null, data: { navn: 'A', kode: 2 } },
      ],
      { navn: 'B' },
      d('2024-01-01'),
    );
    expect(result.map((v) => v.data)).toEqual([
      { navn: 'A', kode: 1 },
      { navn: 'B', kode: 1 },
      { navn: 'B', kode: 2 },
    ]);
  });

  it('merges neighbours that end up equal', () => {
    const result = patchTimeline(
      [
        { fra: d('2007-01-01'), til: d('2010-01-01'), data: { navn: 'A' } },
        { fra: d('2010-01-01'), til: null, data: { navn: 'B' } },
      ],
      { navn: 'A' },
      d('2010-01-01'),
    );
    expect(result).toEqual([{ fra: d('2007-01-01'), til: null, data: { navn: 'A' } }]);
  });
});

describe('selectAt', () => {
  const registreringer: Registrering[] = [
    {
      nr: 1,
      fra: d('2020-01-01'),
      til: d('2024-01-01'),
      livscyklus: 'OPSTAAET',
      aktoer: 'a',
      note: null,
      virkninger: [{ fra: d('2007-01-01'), til: null, data: { navn: 'A' } }],
    },
    {
      nr: 2,
      fra: d('2024-01-01'),
      til: null,
      livscyklus: 'SLETTET',
      aktoer: 'a',
      note: null,
      virkninger: [{ fra: d('2007-01-01'), til: null, data: { navn: 'A' } }],
    },
  ];

  it('reads the registration current at the registration time', () => {
    expect(
      selectAt('u', registreringer, {
        virkningstid: d('2022-01-01'),
        registreringstid: d('2022-01-01'),
      }),
    ).toEqual({ uuid: 'u', version: 1, data: { navn: 'A' } });
  });

  it('hides a deleted object and one outside its validity', () => {
    expect(
      selectAt('u', registreringer, {
        virkningstid: d('2025-01-01'),
        registreringstid: d('2025-01-01'),
      }),
    ).toBeNull();
    expect(
      selectAt('u', registreringer, {
        virkningstid: d('2000-01-01'),
        registreringstid: d('2022-01-01'),
      }),
    ).toBeNull();
    expect(
      selectAt('u', registreringer, {
        virkningstid: d('2022-01-01'),
        registreringstid: d('2019-01-01'),
      }),
    ).toBeNull();
  });
});
