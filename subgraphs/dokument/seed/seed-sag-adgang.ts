import type { AccessAttributes } from '../../kit/auth/row-access';
import type { SeedKommunekode } from './seed-dokument-data';

/**
 * The access attributes of the sag seed's cases (subgraphs/sag/seed), copied as literals because
 * no subgraph imports another: the seed files each document as the API would on a case with
 * them (the document keeps only the owning municipality; reads ask the case index). Per
 * municipality, case 1 first. seed-sag-adgang.test.ts checks them against the sag seed: if that seed changes its
 * cases, copy them again.
 */
export const SEED_SAG_ADGANG: Readonly<Record<SeedKommunekode, readonly AccessAttributes[]>> = {
  // jammerbugt
  '0849': [
    // byggetilladelse, tilbygning
    {
      organisation: '78f0e414-e7c8-5349-ba36-51ef76ee671d',
      kleNummer: '02.34.02',
      ansvarligEnhed: '19f114f9-be8b-5fdf-a73d-9f5878e8f4c1',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['1203654127'],
    },
    // byggetilladelse, carport
    {
      organisation: '78f0e414-e7c8-5349-ba36-51ef76ee671d',
      kleNummer: '02.34.02',
      ansvarligEnhed: '19f114f9-be8b-5fdf-a73d-9f5878e8f4c1',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['0711583319'],
    },
    // børnefaglig undersøgelse
    {
      organisation: '78f0e414-e7c8-5349-ba36-51ef76ee671d',
      kleNummer: '27.24.03',
      ansvarligEnhed: '8fa4d882-46bd-5735-af55-0859f29c2fe0',
      foelsomhed: 'FOELSOM',
      cpr: ['1406154208', '2209874116'],
    },
    // klage over grundskyld (a company)
    {
      organisation: '78f0e414-e7c8-5349-ba36-51ef76ee671d',
      kleNummer: '25.02.01',
      ansvarligEnhed: 'e70ab81d-26db-5675-8462-b6ce9fc12de8',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: [],
    },
    // byggetilladelse, garage
    {
      organisation: '78f0e414-e7c8-5349-ba36-51ef76ee671d',
      kleNummer: '02.34.02',
      ansvarligEnhed: '19f114f9-be8b-5fdf-a73d-9f5878e8f4c1',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['1203654127'],
    },
    // aktindsigt
    {
      organisation: '78f0e414-e7c8-5349-ba36-51ef76ee671d',
      kleNummer: '85.02.01',
      ansvarligEnhed: '61d63603-3532-5778-a14a-3905a38b7e7d',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['0102903425'],
    },
  ],
  // broenderslev
  '0810': [
    // byggetilladelse, tilbygning
    {
      organisation: '7aa7384b-afae-5bf5-8bb7-e622604acebd',
      kleNummer: '02.34.02',
      ansvarligEnhed: 'ffcda997-b6d1-56ae-8642-40e8f8720cb0',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['2504713051'],
    },
    // byggetilladelse, carport
    {
      organisation: '7aa7384b-afae-5bf5-8bb7-e622604acebd',
      kleNummer: '02.34.02',
      ansvarligEnhed: 'ffcda997-b6d1-56ae-8642-40e8f8720cb0',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['1808622244'],
    },
    // børnefaglig undersøgelse
    {
      organisation: '7aa7384b-afae-5bf5-8bb7-e622604acebd',
      kleNummer: '27.24.03',
      ansvarligEnhed: '3c86bfc3-046f-5116-9fd3-13d748495ada',
      foelsomhed: 'FOELSOM',
      cpr: ['0309164127', '1512894238'],
    },
    // klage over grundskyld (a company)
    {
      organisation: '7aa7384b-afae-5bf5-8bb7-e622604acebd',
      kleNummer: '25.02.01',
      ansvarligEnhed: '1ecddec3-821b-5e9d-b395-c30c581fabe0',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: [],
    },
    // byggetilladelse, garage
    {
      organisation: '7aa7384b-afae-5bf5-8bb7-e622604acebd',
      kleNummer: '02.34.02',
      ansvarligEnhed: 'ffcda997-b6d1-56ae-8642-40e8f8720cb0',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['2504713051'],
    },
    // aktindsigt
    {
      organisation: '7aa7384b-afae-5bf5-8bb7-e622604acebd',
      kleNummer: '85.02.01',
      ansvarligEnhed: '000f3216-66ed-5ffe-8a08-f7cbccf8a67f',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['2907853377'],
    },
  ],
  // hjoerring
  '0860': [
    // byggetilladelse, tilbygning
    {
      organisation: 'd7e3fbea-3929-53eb-b446-4b36f11ff3fb',
      kleNummer: '02.34.02',
      ansvarligEnhed: 'fcd5b84d-c126-5539-bb2f-31ecc5d84a0e',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['0605553162'],
    },
    // byggetilladelse, carport
    {
      organisation: 'd7e3fbea-3929-53eb-b446-4b36f11ff3fb',
      kleNummer: '02.34.02',
      ansvarligEnhed: 'fcd5b84d-c126-5539-bb2f-31ecc5d84a0e',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['1110773097'],
    },
    // børnefaglig undersøgelse
    {
      organisation: 'd7e3fbea-3929-53eb-b446-4b36f11ff3fb',
      kleNummer: '27.24.03',
      ansvarligEnhed: 'aa9a3efc-fb64-5361-bf32-18a8b89c9e71',
      foelsomhed: 'FOELSOM',
      cpr: ['2201144386', '0404884052'],
    },
    // klage over grundskyld (a company)
    {
      organisation: 'd7e3fbea-3929-53eb-b446-4b36f11ff3fb',
      kleNummer: '25.02.01',
      ansvarligEnhed: 'ecda680a-4074-5769-951f-9953cf1da1e7',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: [],
    },
    // byggetilladelse, garage
    {
      organisation: 'd7e3fbea-3929-53eb-b446-4b36f11ff3fb',
      kleNummer: '02.34.02',
      ansvarligEnhed: 'fcd5b84d-c126-5539-bb2f-31ecc5d84a0e',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['0605553162'],
    },
    // aktindsigt
    {
      organisation: 'd7e3fbea-3929-53eb-b446-4b36f11ff3fb',
      kleNummer: '85.02.01',
      ansvarligEnhed: '6bd428b2-9573-5e85-93d2-7f10f155418f',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['3012693290'],
    },
  ],
  // frederikshavn
  '0813': [
    // byggetilladelse, tilbygning
    {
      organisation: 'e3233018-971b-5a3b-8b31-0562d8a00147',
      kleNummer: '02.34.02',
      ansvarligEnhed: '5add4697-75e1-554e-8d96-024191409ea0',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['1907483015'],
    },
    // byggetilladelse, carport
    {
      organisation: 'e3233018-971b-5a3b-8b31-0562d8a00147',
      kleNummer: '02.34.02',
      ansvarligEnhed: '5add4697-75e1-554e-8d96-024191409ea0',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['0203793184'],
    },
    // børnefaglig undersøgelse
    {
      organisation: 'e3233018-971b-5a3b-8b31-0562d8a00147',
      kleNummer: '27.24.03',
      ansvarligEnhed: '7935ca8c-0381-52d6-9c7c-b7826ddedf25',
      foelsomhed: 'FOELSOM',
      cpr: ['1705174093', '2811904367'],
    },
    // klage over grundskyld (a company)
    {
      organisation: 'e3233018-971b-5a3b-8b31-0562d8a00147',
      kleNummer: '25.02.01',
      ansvarligEnhed: '4ff19100-8a0b-5554-898a-8a8cd6be9af4',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: [],
    },
    // byggetilladelse, garage
    {
      organisation: 'e3233018-971b-5a3b-8b31-0562d8a00147',
      kleNummer: '02.34.02',
      ansvarligEnhed: '5add4697-75e1-554e-8d96-024191409ea0',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['1907483015'],
    },
    // aktindsigt
    {
      organisation: 'e3233018-971b-5a3b-8b31-0562d8a00147',
      kleNummer: '85.02.01',
      ansvarligEnhed: '10dfced5-07f3-51d3-9386-824b13111f9d',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['0908824199'],
    },
  ],
  // laesoe
  '0825': [
    // byggetilladelse, tilbygning
    {
      organisation: 'ad8469d1-27fe-526c-ad9a-522102f1d122',
      kleNummer: '02.34.02',
      ansvarligEnhed: 'a3a49404-b417-573e-8657-40b9f4d3d45e',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['2306514208'],
    },
    // byggetilladelse, carport
    {
      organisation: 'ad8469d1-27fe-526c-ad9a-522102f1d122',
      kleNummer: '02.34.02',
      ansvarligEnhed: 'a3a49404-b417-573e-8657-40b9f4d3d45e',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['1402663101'],
    },
    // børnefaglig undersøgelse
    {
      organisation: 'ad8469d1-27fe-526c-ad9a-522102f1d122',
      kleNummer: '27.24.03',
      ansvarligEnhed: '9e99d8f6-eca2-549b-b8e9-d42aae4acfbe',
      foelsomhed: 'FOELSOM',
      cpr: ['0910184251', '1106924175'],
    },
    // klage over grundskyld (a company)
    {
      organisation: 'ad8469d1-27fe-526c-ad9a-522102f1d122',
      kleNummer: '25.02.01',
      ansvarligEnhed: '12c39439-6dd8-51fc-9a55-92cc497c8fc7',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: [],
    },
    // byggetilladelse, garage
    {
      organisation: 'ad8469d1-27fe-526c-ad9a-522102f1d122',
      kleNummer: '02.34.02',
      ansvarligEnhed: 'a3a49404-b417-573e-8657-40b9f4d3d45e',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['2306514208'],
    },
    // aktindsigt
    {
      organisation: 'ad8469d1-27fe-526c-ad9a-522102f1d122',
      kleNummer: '85.02.01',
      ansvarligEnhed: '25504af2-3db2-5333-ae05-f93d6240c0e2',
      foelsomhed: 'IKKE_FORTROLIG',
      cpr: ['2705753060'],
    },
  ],
};
