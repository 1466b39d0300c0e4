import { createSeedPdf } from './create-seed-pdf';

describe('createSeedPdf', () => {
  it('builds a PDF whose cross-reference table points at its objects', () => {
    const pdf = createSeedPdf(['Ansøgning om byggetilladelse', 'Tilbygning (30 m²)']).toString(
      'latin1',
    );
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref).startsWith('xref\n0 6\n')).toBe(true);
    const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) =>
      Number(m[1]),
    );
    expect(offsets.map((offset) => pdf.slice(offset, offset + 8))).toEqual(
      [1, 2, 3, 4, 5].map((n) => `${n} 0 obj\n`),
    );
    expect(pdf).toContain('(Ansoegning om byggetilladelse) Tj');
    expect(pdf).toContain('(Tilbygning \\(30 m?\\)) Tj');
  });
});
