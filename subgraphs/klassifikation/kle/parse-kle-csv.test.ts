import { InvalidKleFileError, parseKleCsv } from './parse-kle-csv';

const HEADER = 'UUID,EmneNr,EmneTitel';
const U1 = 'aa720548-7faa-4856-babc-9f560a663b24';
const U2 = '0cc253a9-163f-4563-acdf-b34a477f3ad1';
const U3 = 'e32b0d67-9199-41d0-a1e0-0e10d23ef5a7';

function lines(...rows: string[]): string {
  return [HEADER, ...rows].map((row) => `${row}\r\n`).join('');
}

function failure(text: string): InvalidKleFileError {
  try {
    parseKleCsv(text);
  } catch (error) {
    if (error instanceof InvalidKleFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('parseKleCsv', () => {
  it('reads CRLF rows with quoted commas and strips the number from the title', () => {
    const rows = parseKleCsv(
      lines(
        `${U1},00.05,"00.05 - Besøg, repræsentation mv."`,
        `${U2},00.05.00,"00.05.00 - Besøg, repræsentation mv. i almindelighed"`,
        `${U3},I,I - Modtaget informativt materiale`,
      ),
    );
    expect(rows).toEqual([
      {
        line: 2,
        uuid: U1,
        nummer: { nummer: '00.05', niveau: 'GRUPPE', overklasse: '00', facet: 'Emne' },
        titel: 'Besøg, repræsentation mv.',
      },
      {
        line: 3,
        uuid: U2,
        nummer: { nummer: '00.05.00', niveau: 'EMNE', overklasse: '00.05', facet: 'Emne' },
        titel: 'Besøg, repræsentation mv. i almindelighed',
      },
      {
        line: 4,
        uuid: U3,
        nummer: { nummer: 'I', niveau: 'FACETGRUPPE', overklasse: null, facet: 'Handlingsfacet' },
        titel: 'Modtaget informativt materiale',
      },
    ]);
  });

  it('reads LF line ends, a byte order mark, a missing last line end and doubled quotes', () => {
    const text = `\ufeff${HEADER}\n${U1},02,"02 - Byggeri ""og"" anlæg"\n${U2},02.34,02.34 - Byg`;
    expect(parseKleCsv(text).map((r) => [r.line, r.titel])).toEqual([
      [2, 'Byggeri "og" anlæg'],
      [3, 'Byg'],
    ]);
  });

  it('keeps a title that does not repeat the number', () => {
    expect(parseKleCsv(lines(`${U1},02,Byggeri`))[0]?.titel).toBe('Byggeri');
  });

  it('accepts upper-case UUIDs and stores them in lower case', () => {
    expect(parseKleCsv(lines(`${U1.toUpperCase()},02,02 - Byggeri`))[0]?.uuid).toBe(U1);
  });

  it.each([
    ['a wrong header', 'UUID;EmneNr;EmneTitel\r\n', 1, 'expected the header'],
    ['a missing field', lines(`${U1},02,02 - Byggeri`, `${U2},02.34`), 3, 'found 2'],
    ['an unquoted comma', lines(`${U1},02,02 - Byggeri, anlæg`), 2, 'found 4'],
    ['an empty line', lines(`${U1},02,02 - Byggeri`, '', `${U2},02.34,02.34 - Byg`), 3, 'empty'],
    ['a malformed UUID', lines('123,02,02 - Byggeri'), 2, 'UUID "123"'],
    ['a malformed number', lines(`${U1},2.34,2.34 - Byg`), 2, 'EmneNr "2.34"'],
    ['a title of another number', lines(`${U1},02.34,02.35 - Byg`), 2, 'starts with 02.35'],
    ['an empty title', lines(`${U1},02,02 - `), 2, 'empty'],
    ['an unterminated quote', lines(`${U1},02,02 - Byg`, `${U2},02.34,"02.34 - Byg`), 3, 'quote'],
    ['text after a quote', lines(`${U1},02,"02 - Byg"x`), 2, 'after the closing quote'],
    ['a quote inside a field', lines(`${U1},02,02 - "Byg"`), 2, 'quote inside'],
    ['a line break in a title', lines(`${U1},02,"02 - By\r\ng"`), 2, 'control character'],
    ['a repeated number', lines(`${U1},02,02 - A`, `${U2},02,02 - B`), 3, 'already on line 2'],
    ['a repeated UUID', lines(`${U1},02,02 - A`, `${U1},03,03 - B`), 3, 'already on line 2'],
  ])('rejects %s, naming the line', (_, text, line, message) => {
    const error = failure(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^line ${line}: .*${message}`));
    expect(error.code).toBe('INVALID_KLE_FILE');
  });

  it('counts lines inside a quoted field when naming a later line', () => {
    const text = lines(`${U1},02,"02 - By\ng"`);
    expect(failure(`${text}${U2},2,x\r\n`).line).toBe(2);
    expect(failure(`${HEADER}\r\n"${U1}\n",02,x\r\n${U2},2,x\r\n`).line).toBe(4);
  });
});
