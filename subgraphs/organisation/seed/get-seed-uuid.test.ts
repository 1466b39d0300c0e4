import { getSeedUuid } from './get-seed-uuid';

describe('getSeedUuid', () => {
  it('computes RFC 9562 version 5 uuids', () => {
    // The RFC's own example: "www.example.com" in the DNS namespace.
    expect(getSeedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('gives the same uuid for the same name and different ones for different names', () => {
    expect(getSeedUuid('Bruger/jb-mette')).toBe(getSeedUuid('Bruger/jb-mette'));
    expect(getSeedUuid('Bruger/jb-mette')).not.toBe(getSeedUuid('Bruger/jb-lars'));
  });
});
