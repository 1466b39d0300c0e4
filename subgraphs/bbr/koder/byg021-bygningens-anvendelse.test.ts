import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BYG021_BYGNINGENS_ANVENDELSE } from './byg021-bygningens-anvendelse';

const CSV_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'data',
  'bbr',
  'byg021-bygningens-anvendelse.csv',
);

// One CSV line: a code, a comma, and a label that is quoted when it holds a comma.
function parseLine(line: string): [string, string] {
  const match = /^([^,]+),(?:"((?:[^"]|"")*)"|(.*))$/.exec(line);
  if (!match) throw new Error(`unreadable line: ${line}`);
  return [match[1] as string, match[2]?.replace(/""/g, '"') ?? (match[3] as string)];
}

describe('BYG021_BYGNINGENS_ANVENDELSE', () => {
  it('equals the shared byg021 code list, code for code and label for label', () => {
    const lines = readFileSync(CSV_FILE, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(lines[0]).toBe('code,label_da');
    expect(BYG021_BYGNINGENS_ANVENDELSE).toEqual(Object.fromEntries(lines.slice(1).map(parseLine)));
  });
});
