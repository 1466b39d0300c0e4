import { buildContentDisposition } from './build-content-disposition';

describe('buildContentDisposition', () => {
  it('encodes a Danish file name per RFC 5987 with an ASCII fallback', () => {
    expect(buildContentDisposition('Afgørelse (endelig).pdf')).toBe(
      `attachment; filename="Afg_relse (endelig).pdf"; filename*=UTF-8''Afg%C3%B8relse%20%28endelig%29.pdf`,
    );
  });

  it('keeps quotes and header breaks out of the header', () => {
    const header = buildContentDisposition('a"b\\c\r\nSet-Cookie: x.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="a_b_c__Set-Cookie: x.txt"; filename\*=/);
  });
});
