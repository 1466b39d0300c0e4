import type { StaticDirectoryData } from '../../kit/auth/organisation-directory';
import { ORGANISATION_REFS, type OrganisationRefs } from './organisation-refs';

/**
 * The organisation seed's unit tree as parent links, and its municipalities by CVR: what the
 * sag subgraph's tests (and a deployment without the organisation subgraph) decide access by.
 */
export function getSeedDirectoryData(): StaticDirectoryData {
  const organisationer: Record<string, string> = {};
  const enheder: Record<string, string | null> = {};
  for (const refs of Object.values(ORGANISATION_REFS) as OrganisationRefs[]) {
    organisationer[refs.cvr] = refs.organisation;
    const { kommune, teknikOgMiljoe, boernOgFamilie, oekonomi } = refs.overordnede;
    enheder[kommune] = null;
    enheder[teknikOgMiljoe] = kommune;
    enheder[refs.enheder.bygOgMiljoe] = teknikOgMiljoe;
    enheder[boernOgFamilie] = kommune;
    enheder[refs.enheder.familieafdelingen] = boernOgFamilie;
    enheder[oekonomi] = kommune;
    enheder[refs.enheder.ejendomsskat] = oekonomi;
    enheder[refs.enheder.sekretariat] = oekonomi;
  }
  return { organisationer, enheder };
}
