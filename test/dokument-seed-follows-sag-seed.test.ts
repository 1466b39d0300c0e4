import { createEmbeddedStore } from '../subgraphs/kit/store/embedded-store';
// A cross-service test: the dokument seed's copy of the sag seed's access attributes.
import type { SagData } from '../subgraphs/sag/sag/sag-data';
import { seedSag } from '../subgraphs/sag/seed/seed-sag';
import { getSeedSagUuid } from '../subgraphs/dokument/seed/seed-dokument';
import { SEED_KOMMUNEKODER } from '../subgraphs/dokument/seed/seed-dokument-data';
import { SEED_SAG_ADGANG } from '../subgraphs/dokument/seed/seed-sag-adgang';

describe('SEED_SAG_ADGANG', () => {
  it("holds exactly the access attributes of the sag seed's cases", async () => {
    const store = createEmbeddedStore();
    await seedSag(store);
    const now = new Date();
    for (const kommunekode of SEED_KOMMUNEKODER) {
      const uuids = SEED_SAG_ADGANG[kommunekode].map((_, s) => getSeedSagUuid(kommunekode, s + 1));
      const found = await store.findByIds<SagData>('Sag', uuids, {
        virkningstid: now,
        registreringstid: now,
      });
      const actual = found.map((sag) =>
        sag === null
          ? null
          : {
              organisation: sag.data.organisation,
              kleNummer: sag.data.kleNummer,
              ansvarligEnhed: sag.data.ansvarligEnhed,
              foelsomhed: sag.data.foelsomhed,
              cpr: sag.data.parter.flatMap((part) => (part.cpr === null ? [] : [part.cpr])),
            },
      );
      expect({ kommunekode, sager: actual }).toEqual({
        kommunekode,
        sager: SEED_SAG_ADGANG[kommunekode],
      });
    }
  });
});
