import type { StaticDirectoryData } from '../../kit/auth/organisation-directory';
import { ORGANISATION_REFS, type OrganisationRefs } from './organisation-refs';

/**
 * The organisation seed's unit tree as parent links, each municipality's root unit, the
 * municipalities by CVR, and the case workers' municipalities: what the sag subgraph's tests (and a deployment without the
 * organisation subgraph) decide access and check units by.
 */
export function getSeedDirectoryData(): StaticDirectoryData {
  const organisationer: Record<string, string> = {};
  const enheder: Record<string, string | null> = {};
  const rodenheder: Record<string, string> = {};
  const brugere: Record<string, string> = {};
  for (const refs of Object.values(ORGANISATION_REFS) as OrganisationRefs[]) {
    organisationer[refs.cvr] = refs.organisation;
    const { kommune, teknikOgMiljoe, boernOgFamilie, oekonomi } = refs.overordnede;
    enheder[kommune] = null;
    rodenheder[kommune] = refs.organisation;
    enheder[teknikOgMiljoe] = kommune;
    enheder[refs.enheder.bygOgMiljoe] = teknikOgMiljoe;
    enheder[boernOgFamilie] = kommune;
    enheder[refs.enheder.familieafdelingen] = boernOgFamilie;
    enheder[oekonomi] = kommune;
    enheder[refs.enheder.ejendomsskat] = oekonomi;
    enheder[refs.enheder.sekretariat] = oekonomi;
    for (const bruger of Object.values(refs.sagsbehandlere)) {
      if (bruger !== null) brugere[bruger] = refs.organisation;
    }
  }
  return { organisationer, enheder, rodenheder, brugere };
}
