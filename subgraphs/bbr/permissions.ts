import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';

/**
 * Who may read what. BBR is public data, so every field is open; each is still listed, because
 * the server denies anything without a rule. The policy sits on the types (not only on Query) so
 * `_entities` cannot bypass it.
 */
export const permissions: IRules = {
  Query: { bygning: allow, bygninger: allow, enhed: allow, grund: allow },
  PageInfo: { hasNextPage: allow, endCursor: allow },
  BbrKode: { kode: allow, tekst: allow },
  Bygning: {
    id: allow,
    bygningsnummer: allow,
    anvendelse: allow,
    opfoerelsesaar: allow,
    ombygningsaar: allow,
    samletBygningsareal: allow,
    samletBoligareal: allow,
    samletErhvervsareal: allow,
    bebyggetAreal: allow,
    antalEtager: allow,
    kommunekode: allow,
    status: allow,
    husnummer: allow,
    grund: allow,
    enheder: allow,
    etager: allow,
    varmeinstallation: allow,
    opvarmningsmiddel: allow,
    ydervaeggensMateriale: allow,
    tagdaekningsmateriale: allow,
    vandforsyning: allow,
    afloebsforhold: allow,
    registreringFra: allow,
    registreringTil: allow,
    virkningFra: allow,
    virkningTil: allow,
  },
  Etage: { id: allow, betegnelse: allow, samletAreal: allow },
  Enhed: {
    id: allow,
    anvendelse: allow,
    samletAreal: allow,
    boligareal: allow,
    erhvervsareal: allow,
    antalVaerelser: allow,
    adresseId: allow,
    kommunekode: allow,
    status: allow,
    bygning: allow,
  },
  Grund: {
    id: allow,
    bfeNummer: allow,
    kommunekode: allow,
    vandforsyning: allow,
    afloebsforhold: allow,
    status: allow,
    bygninger: allow,
  },
  BygningEdge: { cursor: allow, node: allow },
  BygningConnection: { edges: allow, nodes: allow, pageInfo: allow, totalCount: allow },
};
