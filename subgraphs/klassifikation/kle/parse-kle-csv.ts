import { DomainError } from '../../kit/domain-error';
import { isUuid } from '../../kit/ids';
import { findKleNummer, type KleNummer } from './parse-kle-nummer';

/** One class of a KLE file. */
export interface KleRow {
  /** The file line the row starts on (the header is line 1). */
  line: number;
  uuid: string;
  nummer: KleNummer;
  /** The title without the leading number (`02.34.02 - Byggetilladelse` → `Byggetilladelse`). */
  titel: string;
}

/** A KLE file that cannot be read as a whole; `line` is where the first problem is. */
export class InvalidKleFileError extends DomainError {
  readonly line: number;
  constructor(line: number, problem: string) {
    super('INVALID_KLE_FILE', `line ${line}: ${problem}`, { details: { line } });
    this.line = line;
  }
}

export const KLE_CSV_HEADER = ['UUID', 'EmneNr', 'EmneTitel'] as const;

interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text (RFC 4180: comma-separated, fields optionally quoted with `"` and `""` for a
 * quote, CRLF or LF line ends) into records, each with the line it starts on.
 */
function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  // A byte order mark is what spreadsheet programs put first; it is not part of the header.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const isLineEnd = (c: string | undefined): boolean => c === '\r' || c === '\n';
  while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          if (i >= text.length) throw new InvalidKleFileError(startLine, 'unterminated quote');
          const c = text[i] as string;
          if (c === '"' && text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (c === '"') {
            i += 1;
            break;
          } else {
            if (c === '\n') line += 1;
            value += c;
            i += 1;
          }
        }
        const next = text[i];
        if (next !== undefined && next !== ',' && !isLineEnd(next)) {
          throw new InvalidKleFileError(line, 'text after the closing quote of a field');
        }
      } else {
        const start = i;
        while (i < text.length && text[i] !== ',' && !isLineEnd(text[i])) {
          if (text[i] === '"') {
            throw new InvalidKleFileError(line, 'a quote inside an unquoted field');
          }
          i += 1;
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      if (text[i] !== ',') break;
      i += 1;
    }
    if (text[i] === '\r') i += 1;
    if (text[i] === '\n') i += 1;
    line += 1;
    records.push({ line: startLine, fields });
  }
  return records;
}

// The title's own copy of the number: `02.34.02 - Byggetilladelse`.
const NUMBERED_TITLE = /^(\S+) -(?: (.*))?$/s;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function toKleRow(record: CsvRecord): KleRow {
  const { line, fields } = record;
  if (fields.length === 1 && fields[0] === '') throw new InvalidKleFileError(line, 'empty line');
  if (fields.length !== KLE_CSV_HEADER.length) {
    throw new InvalidKleFileError(
      line,
      `expected ${KLE_CSV_HEADER.length} fields (${KLE_CSV_HEADER.join(',')}), found ${fields.length}`,
    );
  }
  const [rawUuid = '', rawNummer = '', rawTitel = ''] = fields.map((f) => f.trim());
  if (!isUuid(rawUuid)) throw new InvalidKleFileError(line, `UUID "${rawUuid}" is not a UUID`);
  const nummer = findKleNummer(rawNummer);
  if (!nummer) {
    throw new InvalidKleFileError(line, `EmneNr "${rawNummer}" is not a KLE number`);
  }
  let titel = rawTitel;
  const numbered = NUMBERED_TITLE.exec(rawTitel);
  const titleNummer = numbered ? findKleNummer(numbered[1] ?? '') : null;
  if (numbered && titleNummer) {
    if (titleNummer.nummer !== nummer.nummer) {
      throw new InvalidKleFileError(
        line,
        `EmneTitel starts with ${titleNummer.nummer} but EmneNr is ${nummer.nummer}`,
      );
    }
    titel = (numbered[2] ?? '').trim();
  }
  if (titel === '') throw new InvalidKleFileError(line, `EmneTitel of ${nummer.nummer} is empty`);
  if (CONTROL_CHARACTERS.test(titel)) {
    throw new InvalidKleFileError(
      line,
      `EmneTitel of ${nummer.nummer} contains a control character (a line break or tab)`,
    );
  }
  return { line, uuid: rawUuid.toLowerCase(), nummer, titel };
}

/**
 * Parses a KLE file in the format `UUID,EmneNr,EmneTitel` (as exported from KL's spreadsheet).
 * Every row must be valid and every number and uuid unique; the first problem is thrown as
 * InvalidKleFileError naming its line. No row is ever skipped.
 */
export function parseKleCsv(text: string): KleRow[] {
  const [header, ...records] = readCsvRecords(text);
  if (!header || header.fields.join(',') !== KLE_CSV_HEADER.join(',')) {
    throw new InvalidKleFileError(1, `expected the header ${KLE_CSV_HEADER.join(',')}`);
  }
  const rows = records.map(toKleRow);
  const lineByNummer = new Map<string, number>();
  const lineByUuid = new Map<string, number>();
  for (const row of rows) {
    const nummerLine = lineByNummer.get(row.nummer.nummer);
    if (nummerLine !== undefined) {
      throw new InvalidKleFileError(
        row.line,
        `${row.nummer.nummer} is already on line ${nummerLine}`,
      );
    }
    const uuidLine = lineByUuid.get(row.uuid);
    if (uuidLine !== undefined) {
      throw new InvalidKleFileError(row.line, `UUID ${row.uuid} is already on line ${uuidLine}`);
    }
    lineByNummer.set(row.nummer.nummer, row.line);
    lineByUuid.set(row.uuid, row.line);
  }
  return rows;
}
