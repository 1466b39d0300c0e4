import { toBbrKode } from '../koder/to-bbr-kode';
import { getLokalId, type BbrRecord } from '../upstream/bbr-record';
import type { BbrTid, Bygning, Enhed, Etage, Grund } from './bbr-objects';
import { readDate, readId, readInt, readText } from './read-field';

function toBbrTid(record: BbrRecord): BbrTid {
  return {
    registreringFra: readDate(record, 'registreringFra'),
    registreringTil: readDate(record, 'registreringTil'),
    virkningFra: readDate(record, 'virkningFra'),
    virkningTil: readDate(record, 'virkningTil'),
  };
}

/** A floor from one BBR registration (`BBR_Etage`); null when it has no id. */
export function toEtage(record: BbrRecord): Etage | null {
  const id = getLokalId(record);
  if (id === null) return null;
  return {
    id,
    bygningId: readId(record, 'bygning'),
    betegnelse: readText(record, 'eta006BygningensEtagebetegnelse'),
    samletAreal: readInt(record, 'eta020SamletArealAfEtage'),
  };
}

/**
 * A building from one BBR registration (ASCII field names, as the GraphQL services send them);
 * null when it has no id. Tolerates missing fields.
 */
export function toBygning(record: BbrRecord): Bygning | null {
  const id = getLokalId(record);
  if (id === null) return null;
  return {
    id,
    bygningsnummer: readInt(record, 'byg007Bygningsnummer'),
    anvendelse: toBbrKode('bygningensAnvendelse', record.byg021BygningensAnvendelse),
    opfoerelsesaar: readInt(record, 'byg026Opfoerelsesaar'),
    ombygningsaar: readInt(record, 'byg027OmTilbygningsaar'),
    samletBygningsareal: readInt(record, 'byg038SamletBygningsareal'),
    samletBoligareal: readInt(record, 'byg039BygningensSamledeBoligAreal'),
    samletErhvervsareal: readInt(record, 'byg040BygningensSamledeErhvervsAreal'),
    bebyggetAreal: readInt(record, 'byg041BebyggetAreal'),
    antalEtager: readInt(record, 'byg054AntalEtager'),
    kommunekode: readText(record, 'kommunekode'),
    status: toBbrKode('livscyklus', record.status),
    husnummer: readId(record, 'husnummer'),
    grundId: readId(record, 'grund'),
    varmeinstallation: toBbrKode('varmeinstallation', record.byg056Varmeinstallation),
    opvarmningsmiddel: toBbrKode('opvarmningsmiddel', record.byg057Opvarmningsmiddel),
    ydervaeggensMateriale: toBbrKode('ydervaeggensMateriale', record.byg032YdervaeggensMateriale),
    tagdaekningsmateriale: toBbrKode('tagdaekningsmateriale', record.byg033Tagdaekningsmateriale),
    vandforsyning: toBbrKode('vandforsyning', record.byg030Vandforsyning),
    afloebsforhold: toBbrKode('afloebsforhold', record.byg031Afloebsforhold),
    ...toBbrTid(record),
  };
}

/** A unit from one BBR registration; null when it has no id. */
export function toEnhed(record: BbrRecord): Enhed | null {
  const id = getLokalId(record);
  if (id === null) return null;
  return {
    id,
    anvendelse: toBbrKode('enhedensAnvendelse', record.enh020EnhedensAnvendelse),
    samletAreal: readInt(record, 'enh026EnhedensSamledeAreal'),
    boligareal: readInt(record, 'enh027ArealTilBeboelse'),
    erhvervsareal: readInt(record, 'enh028ArealTilErhverv'),
    antalVaerelser: readInt(record, 'enh031AntalVaerelser'),
    adresseId: readId(record, 'adresseIdentificerer'),
    bygningId: readId(record, 'bygning'),
    kommunekode: readText(record, 'kommunekode'),
    status: toBbrKode('livscyklus', record.status),
    ...toBbrTid(record),
  };
}

/** A plot from one BBR registration; null when it has no id. */
export function toGrund(record: BbrRecord): Grund | null {
  const id = getLokalId(record);
  if (id === null) return null;
  return {
    id,
    bfeNummer: readText(record, 'bestemtFastEjendomBFENr'),
    kommunekode: readText(record, 'kommunekode'),
    husnummer: readId(record, 'husnummer'),
    vandforsyning: toBbrKode('vandforsyning', record.gru009Vandforsyning),
    afloebsforhold: toBbrKode('afloebsforhold', record.gru010Afloebsforhold),
    status: toBbrKode('livscyklus', record.status),
    ...toBbrTid(record),
  };
}
