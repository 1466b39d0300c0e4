import { BadUserInputError } from '../../kit/domain-error';
import { parseOpdaterSagInput, parseOpretSagInput } from './parse-sag-input';
import type { OpretSagInput, PartInput } from './sag-input';

const ORG = '78f0e414-e7c8-5349-ba36-51ef76ee671d';
const ENHED = '19f114f9-be8b-5fdf-a73d-9f5878e8f4c1';
const KLE = 'e9073dc0-8967-4a20-a1be-bfd999a1c138';
const BYGNING = 'a1b2c3d4-e5f6-4a5b-8c7d-0123456789ab';

const PART: PartInput = { rolle: 'PRIMAERPART', cpr: '0101901234', navn: 'Karen Larsen' };

const VALID: OpretSagInput = {
  organisation: ORG,
  titel: 'Byggetilladelse – carport',
  kle: KLE,
  kleNummer: '02.34.02',
  ansvarligEnhed: ENHED,
  parter: [PART],
  bygninger: [BYGNING],
};

function getField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return String(error.details.field);
    throw error;
  }
  return undefined;
}

describe('parseOpretSagInput', () => {
  it('accepts a valid case with defaults for what is left out', () => {
    expect(parseOpretSagInput(VALID)).toEqual({
      organisation: ORG,
      titel: 'Byggetilladelse – carport',
      beskrivelse: null,
      foelsomhed: 'IKKE_FORTROLIG',
      kle: KLE,
      kleNummer: '02.34.02',
      handlingsfacet: null,
      ansvarligEnhed: ENHED,
      sagsbehandler: null,
      parter: [{ rolle: 'PRIMAERPART', cpr: '0101901234', cvr: null, navn: 'Karen Larsen' }],
      bygninger: [BYGNING],
    });
  });

  const party = (part: PartInput): OpretSagInput => ({ ...VALID, parter: [PART, part] });
  it.each<[string, OpretSagInput, string]>([
    ['organisation not a uuid', { ...VALID, organisation: 'x' }, 'input.organisation'],
    ['empty titel', { ...VALID, titel: '  ' }, 'input.titel'],
    ['titel of 201 characters', { ...VALID, titel: 'a'.repeat(201) }, 'input.titel'],
    [
      'beskrivelse of 4001 characters',
      { ...VALID, beskrivelse: 'a'.repeat(4001) },
      'input.beskrivelse',
    ],
    ['kle not a uuid', { ...VALID, kle: '02.34.02' }, 'input.kle'],
    ['kleNummer a gruppe, not an emne', { ...VALID, kleNummer: '02.34' }, 'input.kleNummer'],
    ['kleNummer malformed', { ...VALID, kleNummer: '2.34.02' }, 'input.kleNummer'],
    ['handlingsfacet not a uuid', { ...VALID, handlingsfacet: 'K02' }, 'input.handlingsfacet'],
    ['ansvarligEnhed not a uuid', { ...VALID, ansvarligEnhed: '' }, 'input.ansvarligEnhed'],
    ['sagsbehandler not a uuid', { ...VALID, sagsbehandler: 'mette' }, 'input.sagsbehandler'],
    [
      'CPR with an invalid date part',
      party({ rolle: 'PART', cpr: '3213901234', navn: 'A' }),
      'input.parter[1].cpr',
    ],
    [
      'CPR of 9 digits',
      party({ rolle: 'PART', cpr: '010190123', navn: 'A' }),
      'input.parter[1].cpr',
    ],
    ['CVR of 7 digits', party({ rolle: 'PART', cvr: '1234567', navn: 'A' }), 'input.parter[1].cvr'],
    [
      'both cpr and cvr',
      party({ rolle: 'PART', cpr: '0101901234', cvr: '12345678', navn: 'A' }),
      'input.parter[1]',
    ],
    ['neither cpr nor cvr', party({ rolle: 'PART', navn: 'A' }), 'input.parter[1]'],
    ['empty navn', party({ rolle: 'PART', cvr: '12345678', navn: '' }), 'input.parter[1].navn'],
    [
      'navn of 201 characters',
      party({ rolle: 'PART', cvr: '12345678', navn: 'a'.repeat(201) }),
      'input.parter[1].navn',
    ],
    ['51 parties', { ...VALID, parter: Array.from({ length: 51 }, () => PART) }, 'input.parter'],
    ['a building id not a uuid', { ...VALID, bygninger: [BYGNING, 'x'] }, 'input.bygninger[1]'],
    [
      '51 buildings',
      { ...VALID, bygninger: Array.from({ length: 51 }, () => BYGNING) },
      'input.bygninger',
    ],
  ])('refuses %s, naming the field', (_, input, field) => {
    expect(getField(() => parseOpretSagInput(input))).toBe(field);
  });

  it('leaves kleNummer null when left out, for the reference check to take from the KLE', () => {
    expect(parseOpretSagInput({ ...VALID, kleNummer: undefined }).kleNummer).toBeNull();
    expect(parseOpretSagInput({ ...VALID, kleNummer: null }).kleNummer).toBeNull();
  });

  it('accepts exactly 200 characters of titel and 50 parties', () => {
    const input = {
      ...VALID,
      titel: 'a'.repeat(200),
      parter: Array.from({ length: 50 }, () => PART),
    };
    expect(parseOpretSagInput(input).parter).toHaveLength(50);
  });
});

describe('parseOpdaterSagInput', () => {
  it('returns only the fields given, and null clears an optional field', () => {
    expect(parseOpdaterSagInput({ titel: 'Ny titel', sagsbehandler: null })).toEqual({
      titel: 'Ny titel',
      sagsbehandler: null,
    });
  });

  it('takes kle without kleNummer, leaving the number to be taken from the KLE', () => {
    expect(parseOpdaterSagInput({ kle: KLE })).toEqual({ kle: KLE, kleNummer: null });
  });

  it.each<[string, object, string]>([
    ['nothing to change', {}, 'input'],
    ['clearing titel', { titel: null }, 'input.titel'],
    ['kleNummer without kle', { kleNummer: '02.34.02' }, 'input.kle'],
    ['clearing kle', { kle: null, kleNummer: '02.34.02' }, 'input.kle'],
    ['a malformed kleNummer', { kle: KLE, kleNummer: '02.34' }, 'input.kleNummer'],
    ['a bad CPR', { parter: [{ rolle: 'PART', cpr: '1', navn: 'A' }] }, 'input.parter[0].cpr'],
  ])('refuses %s, naming the field', (_, input, field) => {
    expect(getField(() => parseOpdaterSagInput(input))).toBe(field);
  });
});
