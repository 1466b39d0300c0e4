import type { BbrKode } from '../koder/to-bbr-kode';

/** When a registration was made and when it takes effect; the GraphQL `BbrTid` fields. */
export interface BbrTid {
  registreringFra: Date | null;
  registreringTil: Date | null;
  virkningFra: Date | null;
  virkningTil: Date | null;
}

export interface Etage {
  id: string;
  bygningId: string | null;
  betegnelse: string | null;
  samletAreal: number | null;
}

export interface Bygning extends BbrTid {
  id: string;
  bygningsnummer: number | null;
  anvendelse: BbrKode | null;
  opfoerelsesaar: number | null;
  ombygningsaar: number | null;
  samletBygningsareal: number | null;
  samletBoligareal: number | null;
  samletErhvervsareal: number | null;
  bebyggetAreal: number | null;
  antalEtager: number | null;
  kommunekode: string | null;
  status: BbrKode | null;
  husnummer: string | null;
  grundId: string | null;
  varmeinstallation: BbrKode | null;
  opvarmningsmiddel: BbrKode | null;
  ydervaeggensMateriale: BbrKode | null;
  tagdaekningsmateriale: BbrKode | null;
  vandforsyning: BbrKode | null;
  afloebsforhold: BbrKode | null;
}

export interface Enhed extends BbrTid {
  id: string;
  anvendelse: BbrKode | null;
  samletAreal: number | null;
  boligareal: number | null;
  erhvervsareal: number | null;
  antalVaerelser: number | null;
  adresseId: string | null;
  bygningId: string | null;
  kommunekode: string | null;
  status: BbrKode | null;
}

export interface Grund extends BbrTid {
  id: string;
  bfeNummer: string | null;
  kommunekode: string | null;
  husnummer: string | null;
  vandforsyning: BbrKode | null;
  afloebsforhold: BbrKode | null;
  status: BbrKode | null;
}
