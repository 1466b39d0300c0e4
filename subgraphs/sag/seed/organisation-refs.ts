/**
 * The organisation seed's ids (`SEED_IDS` in subgraphs/organisation/seed/seed-ids.ts), copied as
 * literals because no subgraph imports another: the sag seed refers to those municipalities,
 * units and users by uuid only. If the organisation seed changes its ids, copy them again.
 */
export interface OrganisationRefs {
  kommunekode: string;
  /** The municipality's CVR number, as privilege groups name it. */
  cvr: string;
  organisation: string;
  /** The units above the case-holding units (their parents), for the unit tree. */
  overordnede: {
    kommune: string;
    teknikOgMiljoe: string;
    boernOgFamilie: string;
    oekonomi: string;
  };
  enheder: {
    bygOgMiljoe: string;
    familieafdelingen: string;
    ejendomsskat: string;
    sekretariat: string;
  };
  /** A case worker of each unit; null where the municipality's seed has none. */
  sagsbehandlere: {
    bygOgMiljoe: string;
    familieafdelingen: string | null;
    ejendomsskat: string | null;
    sekretariat: string | null;
  };
}

export const ORGANISATION_REFS = {
  jammerbugt: {
    kommunekode: '0849',
    cvr: '29189625',
    organisation: '78f0e414-e7c8-5349-ba36-51ef76ee671d',
    overordnede: {
      kommune: '53e8f1ee-6e15-533d-af12-f92d22d81ad6',
      teknikOgMiljoe: '8e3cabca-35fe-519e-905c-15c025fe723d',
      boernOgFamilie: 'fa3cf11d-f1a8-5e33-a9fe-779dcb1b2a33',
      oekonomi: '7ceee855-7c9a-5da5-bc4a-82a8e964618c',
    },
    enheder: {
      bygOgMiljoe: '19f114f9-be8b-5fdf-a73d-9f5878e8f4c1',
      familieafdelingen: '8fa4d882-46bd-5735-af55-0859f29c2fe0',
      ejendomsskat: 'e70ab81d-26db-5675-8462-b6ce9fc12de8',
      sekretariat: '61d63603-3532-5778-a14a-3905a38b7e7d',
    },
    sagsbehandlere: {
      bygOgMiljoe: '10372946-d8d3-55bb-814c-92ec9cd84bf3', // mette
      familieafdelingen: '13655d3a-3076-56d0-911f-a4b2203ff982', // lars
      ejendomsskat: 'b3279c26-85b1-5fd6-aabf-4c898b9bdd16', // anne
      sekretariat: null,
    },
  },
  broenderslev: {
    kommunekode: '0810',
    cvr: '29189501',
    organisation: '7aa7384b-afae-5bf5-8bb7-e622604acebd',
    overordnede: {
      kommune: '1ae1b71e-0187-5600-a39d-47e02d7148a4',
      teknikOgMiljoe: 'de10562d-4c11-55a3-9de3-76852e0ae89f',
      boernOgFamilie: 'e9dbdbd6-d2c4-5a5e-a802-6642c737da1e',
      oekonomi: 'e4603a4b-2054-5418-ac1b-74975e1375c3',
    },
    enheder: {
      bygOgMiljoe: 'ffcda997-b6d1-56ae-8642-40e8f8720cb0',
      familieafdelingen: '3c86bfc3-046f-5116-9fd3-13d748495ada',
      ejendomsskat: '1ecddec3-821b-5e9d-b395-c30c581fabe0',
      sekretariat: '000f3216-66ed-5ffe-8a08-f7cbccf8a67f',
    },
    sagsbehandlere: {
      bygOgMiljoe: '4ae72ab6-75c4-5b31-865b-f5975185ad8f', // soeren
      familieafdelingen: 'c4c050a9-83d3-58ab-9d64-2ceaca4e6935', // camilla
      ejendomsskat: null,
      sekretariat: null,
    },
  },
  hjoerring: {
    kommunekode: '0860',
    cvr: '29189579',
    organisation: 'd7e3fbea-3929-53eb-b446-4b36f11ff3fb',
    overordnede: {
      kommune: '1d7c514b-a921-5de1-a397-bcbd625030e5',
      teknikOgMiljoe: '9112cf72-8f09-5f7e-9797-d0249a81e13f',
      boernOgFamilie: '67e2581e-cefa-523c-8b31-18de0dd57b70',
      oekonomi: 'ecb7f16f-8710-58e3-a6d4-b9ea06b18371',
    },
    enheder: {
      bygOgMiljoe: 'fcd5b84d-c126-5539-bb2f-31ecc5d84a0e',
      familieafdelingen: 'aa9a3efc-fb64-5361-bf32-18a8b89c9e71',
      ejendomsskat: 'ecda680a-4074-5769-951f-9953cf1da1e7',
      sekretariat: '6bd428b2-9573-5e85-93d2-7f10f155418f',
    },
    sagsbehandlere: {
      bygOgMiljoe: 'fb739f93-cc23-5022-9ab0-96972aafd4ae', // jens
      familieafdelingen: '64f95bc3-5988-5938-8fe0-45de0db6421a', // louise
      ejendomsskat: '27caa62e-688e-5132-bb8e-4b692d19cf6c', // morten
      sekretariat: '27caa62e-688e-5132-bb8e-4b692d19cf6c', // morten
    },
  },
  frederikshavn: {
    kommunekode: '0813',
    cvr: '29190941',
    organisation: 'e3233018-971b-5a3b-8b31-0562d8a00147',
    overordnede: {
      kommune: 'b194ce7a-8200-560d-ac3d-dff83f520ede',
      teknikOgMiljoe: '6738afd2-8210-583a-8d11-80369893abaf',
      boernOgFamilie: '8c11d112-abb6-5bb1-a94e-9e62f067d8b5',
      oekonomi: 'b34160bf-12e3-580e-8bb3-268036ad56be',
    },
    enheder: {
      bygOgMiljoe: '5add4697-75e1-554e-8d96-024191409ea0',
      familieafdelingen: '7935ca8c-0381-52d6-9c7c-b7826ddedf25',
      ejendomsskat: '4ff19100-8a0b-5554-898a-8a8cd6be9af4',
      sekretariat: '10dfced5-07f3-51d3-9386-824b13111f9d',
    },
    sagsbehandlere: {
      bygOgMiljoe: '040784ab-d292-5d31-9765-2bcaa48fedde', // hanne
      familieafdelingen: null,
      ejendomsskat: 'd18d795b-5ae0-5d0c-8b74-465e0cbfd619', // kasper
      sekretariat: null,
    },
  },
  laesoe: {
    kommunekode: '0825',
    cvr: '45973328',
    organisation: 'ad8469d1-27fe-526c-ad9a-522102f1d122',
    overordnede: {
      kommune: '0e924508-c8ff-588c-9b21-bf2d35cbd09c',
      teknikOgMiljoe: '2ae003c6-5b5c-5d3d-a9b7-8edea175c9ad',
      boernOgFamilie: '4ad482d6-09af-55db-9912-b1696af318c2',
      oekonomi: '05d63d13-864f-5453-baf6-73dbee73f24d',
    },
    enheder: {
      bygOgMiljoe: 'a3a49404-b417-573e-8657-40b9f4d3d45e',
      familieafdelingen: '9e99d8f6-eca2-549b-b8e9-d42aae4acfbe',
      ejendomsskat: '12c39439-6dd8-51fc-9a55-92cc497c8fc7',
      sekretariat: '25504af2-3db2-5333-ae05-f93d6240c0e2',
    },
    sagsbehandlere: {
      bygOgMiljoe: '8fb49a8f-7cb0-556e-9560-cb8c2b42227e', // birgitte
      familieafdelingen: '6ad7e6fe-b2b3-57dd-ba86-47cf68ccda48', // peter
      ejendomsskat: '8fb49a8f-7cb0-556e-9560-cb8c2b42227e', // birgitte
      sekretariat: null,
    },
  },
} as const satisfies Record<string, OrganisationRefs>;

export type SeedKommuneName = keyof typeof ORGANISATION_REFS;
