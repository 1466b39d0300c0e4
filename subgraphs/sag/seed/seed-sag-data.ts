import type { PartInput } from '../sag/sag-input';
import type { SeedKommuneName } from './organisation-refs';

/** KLE classes the seeded cases use (the uuids of KL's KLE, as the klassifikation seed has them). */
export const SEED_KLE = {
  byggetilladelse: { uuid: 'e9073dc0-8967-4a20-a1be-bfd999a1c138', nummer: '02.34.02' },
  boernefagligUndersoegelse: { uuid: '5256fbc6-949f-4109-bb71-f6e257df84ba', nummer: '27.24.03' },
  grundskyld: { uuid: '78d85df3-edde-4285-8a9d-d359f19ab1d9', nummer: '25.02.01' },
  journalisering: { uuid: '3fe3c607-df32-4a06-94d6-98c5b6f1610c', nummer: '85.02.01' },
} as const;

/** KLE handlingsfacetter the seeded cases use. */
export const SEED_HANDLINGSFACETTER = {
  /** K02 Klage */
  klage: 'b34e4574-ea7e-40fe-a6cd-2fbd7b6c4a77',
  /** A53 Aktindsigtsanmodning */
  aktindsigt: 'db5714c1-9346-47e6-b7a7-2230bf997699',
} as const;

/** The parties of one municipality's seeded cases. CPR and CVR numbers are made up. */
export interface SeedParter {
  /** Applies for the extension (case 1) and the garage (case 5). */
  ansoeger: PartInput;
  /** Applies for the carport (case 2). */
  carportAnsoeger: PartInput;
  barn: PartInput;
  foraelder: PartInput;
  virksomhed: PartInput;
  /** Asks for access to the files (case 6). */
  anmoder: PartInput;
}

function borger(navn: string, cpr: string): PartInput {
  return { rolle: 'PRIMAERPART', cpr, navn };
}

// Fake CPR numbers with valid date parts and a 7th digit that fits the birth century.
export const SEED_PARTER: Record<SeedKommuneName, SeedParter> = {
  jammerbugt: {
    ansoeger: borger('Karen Margrethe Larsen', '1203654127'),
    carportAnsoeger: borger('Niels Erik Kristensen', '0711583319'),
    barn: borger('Emma Holm Jakobsen', '1406154208'),
    foraelder: { rolle: 'PAAROERENDE', cpr: '2209874116', navn: 'Sofie Holm Jakobsen' },
    virksomhed: { rolle: 'PRIMAERPART', cvr: '41234567', navn: 'Fjerritslev Tømrer ApS' },
    anmoder: borger('Rasmus Bech Olesen', '0102903425'),
  },
  broenderslev: {
    ansoeger: borger('Henrik Dahl Mortensen', '2504713051'),
    carportAnsoeger: borger('Birthe Lykke Madsen', '1808622244'),
    barn: borger('Oliver Vinther Nielsen', '0309164127'),
    foraelder: { rolle: 'PAAROERENDE', cpr: '1512894238', navn: 'Maria Vinther Nielsen' },
    virksomhed: { rolle: 'PRIMAERPART', cvr: '38765412', navn: 'Brønderslev Landbrug I/S' },
    anmoder: borger('Anders Friis Kjeldsen', '2907853377'),
  },
  hjoerring: {
    ansoeger: borger('Inge Lise Sørensen', '0605553162'),
    carportAnsoeger: borger('Michael Brix Iversen', '1110773097'),
    barn: borger('Freja Skov Pedersen', '2201144386'),
    foraelder: { rolle: 'PAAROERENDE', cpr: '0404884052', navn: 'Thomas Skov Pedersen' },
    virksomhed: { rolle: 'PRIMAERPART', cvr: '29876543', navn: 'Hirtshals Fiskeeksport A/S' },
    anmoder: borger('Lene Bak Christiansen', '3012693290'),
  },
  frederikshavn: {
    ansoeger: borger('Poul Erik Andersen', '1907483015'),
    carportAnsoeger: borger('Susanne Krog Poulsen', '0203793184'),
    barn: borger('William Berg Hansen', '1705174093'),
    foraelder: { rolle: 'PAAROERENDE', cpr: '2811904367', navn: 'Julie Berg Hansen' },
    virksomhed: { rolle: 'PRIMAERPART', cvr: '35567890', navn: 'Sæby Havnekiosk ApS' },
    anmoder: borger('Jesper Lund Vestergaard', '0908824199'),
  },
  laesoe: {
    ansoeger: borger('Grethe Marie Jensen', '2306514208'),
    carportAnsoeger: borger('Ole Kristian Thomsen', '1402663101'),
    barn: borger('Alma Nørgaard Bak', '0910184251'),
    foraelder: { rolle: 'PAAROERENDE', cpr: '1106924175', navn: 'Line Nørgaard Bak' },
    virksomhed: { rolle: 'PRIMAERPART', cvr: '40112233', navn: 'Læsø Saltsyderi ApS' },
    anmoder: borger('Bo Egholm Rasmussen', '2705753060'),
  },
};

/** The first seeded case is created at this instant; the others follow in steps of SEED_STEP_DAYS. */
export const SEED_START = new Date('2025-01-06T08:30:00.000Z');
export const SEED_STEP_DAYS = 17;
export const SEED_AKTOER = 'seed';
