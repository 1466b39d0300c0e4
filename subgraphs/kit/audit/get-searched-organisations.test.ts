import { getSearchedOrganisations } from './get-searched-organisations';

describe('getSearchedOrganisations', () => {
  it("names each grant's organisation once and none for a citizen's filter", () => {
    const grant = (organisation: string, kle: string) => ({
      organisation: { eq: organisation },
      kleNummer: { prefix: kle },
    });
    expect(
      getSearchedOrganisations(
        [grant('a', '02.'), grant('b', '27.'), grant('a', '25.')],
        'organisation',
      ),
    ).toEqual(['a', 'b']);
    expect(
      getSearchedOrganisations([{ 'parter.cpr': { eq: '1203654127' } }], 'organisation'),
    ).toEqual([]);
  });
});
