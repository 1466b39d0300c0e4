import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { changeFremdrift } from '../sag/change-fremdrift';
import { createSag } from '../sag/create-sag';
import { createSystemSagAccess } from '../sag/create-system-sag-access';
import { STORE_TYPES, type Fremdrift } from '../sag/sag-data';
import type { OpdaterSagInput, OpretSagInput } from '../sag/sag-input';
import { updateSag } from '../sag/update-sag';
import {
  ORGANISATION_REFS,
  type OrganisationRefs,
  type SeedKommuneName,
} from './organisation-refs';
import {
  SEED_AKTOER,
  SEED_HANDLINGSFACETTER,
  SEED_KLE,
  SEED_PARTER,
  SEED_START,
  SEED_STEP_DAYS,
} from './seed-sag-data';
import { getSeedBygningId, getSeedSagUuid, SEED_SAGER_PER_KOMMUNE } from './seed-sag-ids';

export interface SeedResult {
  /** Cases registered by this run. */
  created: number;
  /** Cases already there. */
  existing: number;
  /** Registrations appended by this run (creations and later changes). */
  registreringer: number;
  /** Who wrote them, without a caller's access checks (see createSystemSagAccess). */
  systemWriter: string;
}

/** The system writer the seed writes as, named in its result (which the service logs). */
export const SEED_WRITER = 'seed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A later registration of a seeded case: a stage change or an edit, `days` after creation. */
type SeedStep =
  | { days: number; fremdrift: Fremdrift; note: string }
  | { days: number; input: OpdaterSagInput };

interface SeedSag {
  input: OpretSagInput;
  steps: SeedStep[];
}

function getSeedSager(name: SeedKommuneName, refs: OrganisationRefs): SeedSag[] {
  const parter = SEED_PARTER[name];
  const { enheder, sagsbehandlere, organisation, kommunekode } = refs;
  const byggesag = (
    titel: string,
    beskrivelse: string,
    bygning: number,
    ansoeger = parter.ansoeger,
  ) => ({
    organisation,
    titel,
    beskrivelse,
    kle: SEED_KLE.byggetilladelse.uuid,
    kleNummer: SEED_KLE.byggetilladelse.nummer,
    ansvarligEnhed: enheder.bygOgMiljoe,
    sagsbehandler: sagsbehandlere.bygOgMiljoe,
    parter: [ansoeger],
    bygninger: [getSeedBygningId(kommunekode, bygning)],
  });
  return [
    {
      input: byggesag(
        'Byggetilladelse – tilbygning til enfamiliehus',
        'Ansøgning om tilbygning på 32 m² til eksisterende enfamiliehus.',
        1,
      ),
      steps: [
        { days: 12, fremdrift: 'OPLYST', note: 'Tegninger og statiske beregninger modtaget.' },
      ],
    },
    {
      input: byggesag(
        'Byggetilladelse – carport',
        'Ansøgning om carport på 36 m² i skel.',
        2,
        parter.carportAnsoeger,
      ),
      steps: [
        {
          days: 5,
          input: {
            beskrivelse: 'Ansøgning om carport på 36 m² i skel. Naboorientering sendt til nr. 14.',
          },
        },
      ],
    },
    {
      input: {
        organisation,
        titel: 'Børnefaglig undersøgelse',
        beskrivelse: 'Undersøgelse efter underretning fra skolen.',
        kle: SEED_KLE.boernefagligUndersoegelse.uuid,
        kleNummer: SEED_KLE.boernefagligUndersoegelse.nummer,
        ansvarligEnhed: enheder.familieafdelingen,
        sagsbehandler: sagsbehandlere.familieafdelingen,
        foelsomhed: 'FOELSOM',
        parter: [parter.barn, parter.foraelder],
      },
      steps: [{ days: 21, fremdrift: 'OPLYST', note: 'Samtaler med barn og forældre afholdt.' }],
    },
    {
      input: {
        organisation,
        titel: 'Klage over grundskyld',
        beskrivelse: 'Klage over grundskyldsopkrævning for erhvervsejendom.',
        kle: SEED_KLE.grundskyld.uuid,
        kleNummer: SEED_KLE.grundskyld.nummer,
        handlingsfacet: SEED_HANDLINGSFACETTER.klage,
        ansvarligEnhed: enheder.ejendomsskat,
        sagsbehandler: sagsbehandlere.ejendomsskat,
        parter: [parter.virksomhed],
      },
      steps: [
        { days: 9, fremdrift: 'OPLYST', note: 'Vurderingsgrundlag indhentet.' },
        { days: 30, fremdrift: 'AFGJORT', note: 'Klagen er ikke imødekommet.' },
      ],
    },
    {
      input: byggesag('Byggetilladelse – garage (afsluttet)', 'Ansøgning om garage på 42 m².', 5),
      steps: [
        { days: 14, fremdrift: 'AFGJORT', note: 'Byggetilladelse meddelt.' },
        { days: 60, fremdrift: 'AFSLUTTET', note: 'Færdigmelding modtaget.' },
      ],
    },
    {
      input: {
        organisation,
        titel: 'Aktindsigt i byggesag',
        beskrivelse: 'Anmodning om aktindsigt i naboens byggesag.',
        kle: SEED_KLE.journalisering.uuid,
        kleNummer: SEED_KLE.journalisering.nummer,
        handlingsfacet: SEED_HANDLINGSFACETTER.aktindsigt,
        ansvarligEnhed: enheder.sekretariat,
        sagsbehandler: sagsbehandlere.sekretariat,
        parter: [parter.anmoder],
      },
      steps: [
        {
          days: 3,
          input: {
            beskrivelse: 'Anmodning om aktindsigt i naboens byggesag. Frist: 7 arbejdsdage.',
          },
        },
      ],
    },
  ];
}

/**
 * Loads the demo cases: six per municipality of the organisation seed, each with its history.
 * Idempotent and resumable: each case's registrations are appended only where its history stops,
 * so a second run appends nothing. Deterministic: fixed uuids and times, and on a fresh store the
 * same case numbers, because the cases are created one after another.
 */
export async function seedSag(store: BitemporalStore): Promise<SeedResult> {
  const system = createSystemSagAccess(SEED_WRITER);
  const access = { guard: system.guard, references: system.references };
  const result: SeedResult = {
    created: 0,
    existing: 0,
    registreringer: 0,
    systemWriter: SEED_WRITER,
  };
  const kommuner = Object.entries(ORGANISATION_REFS) as [SeedKommuneName, OrganisationRefs][];
  for (const [k, [name, refs]] of kommuner.entries()) {
    for (const [i, sag] of getSeedSager(name, refs).entries()) {
      const n = i + 1;
      const uuid = getSeedSagUuid(refs.kommunekode, n);
      const oprettet = new Date(
        SEED_START.getTime() + (k * SEED_SAGER_PER_KOMMUNE + i) * SEED_STEP_DAYS * DAY_MS,
      );
      const aktoer = sag.input.sagsbehandler ?? SEED_AKTOER;
      const done = (await store.findHistory(STORE_TYPES.sag, uuid)).length;
      if (done === 0) {
        await createSag(store, sag.input, { uuid, aktoer, tid: oprettet, ...access });
        result.created += 1;
        result.registreringer += 1;
      } else {
        result.existing += 1;
      }
      for (const [j, step] of sag.steps.entries()) {
        const version = j + 1;
        if (version < done) continue;
        const tid = new Date(oprettet.getTime() + step.days * DAY_MS);
        if ('fremdrift' in step) {
          await changeFremdrift(store, uuid, version, step.fremdrift, {
            aktoer,
            tid,
            note: step.note,
            guard: access.guard,
          });
        } else {
          await updateSag(store, uuid, version, step.input, { aktoer, tid, ...access });
        }
        result.registreringer += 1;
      }
    }
  }
  return result;
}
