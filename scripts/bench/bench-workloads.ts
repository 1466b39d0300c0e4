import type { JWTPayload } from 'jose';
import { getDevProfileClaims } from '../dev-issuer/dev-profiles';
import { ORGANISATION_REFS } from '../../subgraphs/sag/seed/organisation-refs';

/** One operation the bench sends, with whom it is sent as and where else it can go. */
export interface Workload {
  id: 'W1' | 'W2' | 'W3' | 'W4';
  title: string;
  query: string;
  variables: Record<string, unknown>;
  /** Claims of each token the load cycles through (one entry: a single caller). */
  callers: JWTPayload[];
  /** A subgraph that answers the whole operation alone, to be asked directly too. */
  directSubgraph?: string;
}

const JAMMERBUGT = ORGANISATION_REFS.jammerbugt;

/** W1: three levels of a municipality's unit tree, all in the organisation subgraph. */
const ORG_TREE = `query Organisationstrae($rod: ID!) {
  organisationEnhed(uuid: $rod) {
    navn
    brugervendtNoegle
    organisation { navn cvr kommunekode }
    underenheder {
      navn
      brugervendtNoegle
      underenheder {
        navn
        brugervendtNoegle
        underenheder { navn brugervendtNoegle }
      }
    }
  }
}`;

/** W2: a case worker's unit overview, 50 cases (examples/sagsbehandler-enhedsoversigt.graphql). */
const OVERVIEW = `query Enhedsoversigt($enhed: ID!) {
  organisationEnhed(uuid: $enhed) {
    navn
    sti { navn }
    underenheder { navn }
    sager(inkluderUnderenheder: true, filter: { fremdrift: [OPSTAAET, OPLYST, AFGJORT] }, first: 50) {
      totalCount
      nodes {
        sagsnummer
        titel
        fremdrift
        foelsomhed
        kle { brugervendtNoegle titel }
        ansvarligEnhed { navn }
        sagsbehandler { navn }
      }
    }
  }
}`;

/** W3: a deep page, 100 cases with their documents, variants and parts and their buildings. */
const DEEP_PAGE = `query Dybside($organisation: ID!) {
  sager(filter: { organisation: $organisation, kle: "02.34.02" }, first: 100) {
    totalCount
    nodes {
      sagsnummer
      titel
      fremdrift
      kle { brugervendtNoegle titel }
      ansvarligEnhed { navn }
      bygninger { bygningsnummer opfoerelsesaar samletBygningsareal }
      dokumenter {
        totalCount
        nodes {
          titel
          brevdato
          dokumenttype
          varianter { varianttekst dele { navn mimetype stoerrelse sha256 } }
        }
      }
    }
  }
}`;

/** The sagsbehandler profile with another user id and name: same rights, another token. */
function getCaseWorker(n: number): JWTPayload {
  return {
    ...getDevProfileClaims('sagsbehandler'),
    sub: `bench-sagsbehandler-${n}`,
    name: `Sagsbehandler ${n}`,
  };
}

/** W1–W4 on the seeded graph plus the generated cases (generate-bench-data.ts). */
export function getBenchWorkloads(): Workload[] {
  const sagsbehandler = getDevProfileClaims('sagsbehandler');
  return [
    {
      id: 'W1',
      title: 'org tree',
      query: ORG_TREE,
      variables: { rod: JAMMERBUGT.overordnede.kommune },
      callers: [getDevProfileClaims('integrator')],
      directSubgraph: 'organisation',
    },
    {
      id: 'W2',
      title: 'case-worker overview, 50 cases',
      query: OVERVIEW,
      variables: { enhed: JAMMERBUGT.overordnede.teknikOgMiljoe },
      callers: [sagsbehandler],
    },
    {
      id: 'W3',
      title: 'deep page, 100 cases × documents × variants × parts',
      query: DEEP_PAGE,
      variables: { organisation: JAMMERBUGT.organisation },
      callers: [sagsbehandler],
    },
    {
      id: 'W4',
      title: 'W2 with 20 users’ tokens',
      query: OVERVIEW,
      variables: { enhed: JAMMERBUGT.overordnede.teknikOgMiljoe },
      callers: Array.from({ length: 20 }, (_, i) => getCaseWorker(i + 1)),
    },
  ];
}
