import type { FacetData, KlassifikationData } from './klassifikation-data';
import type { KleFacetNoegle } from './parse-kle-nummer';

// Fixed uuids, so every installation (and every re-import) names KLE and its facets alike and
// other subgraphs may refer to them.
const KLE_UUID = 'd1dced37-8c53-4f3d-a583-642f3c7df841';

/** The KLE classification itself. */
export const KLE_KLASSIFIKATION: { uuid: string; data: KlassifikationData } = {
  uuid: KLE_UUID,
  data: {
    brugervendtNoegle: 'KLE',
    titel: 'KL Emnesystematik',
    beskrivelse: "KL's emnesystematik for kommunale sager: emneplan og handlingsfacetter",
  },
};

/** The two facets of KLE: the subject plan and the action facets. */
export const KLE_FACETTER: Record<KleFacetNoegle, { uuid: string; data: FacetData }> = {
  Emne: {
    uuid: 'b3fab70f-5828-49dd-b039-8b11b7376e2b',
    data: {
      brugervendtNoegle: 'Emne',
      titel: 'Emneplan',
      beskrivelse: 'Hovedgrupper (NN), grupper (NN.NN) og emner (NN.NN.NN)',
      klassifikation: KLE_UUID,
    },
  },
  Handlingsfacet: {
    uuid: '06a47643-b44b-4ad5-92bd-505c2286987b',
    data: {
      brugervendtNoegle: 'Handlingsfacet',
      titel: 'Handlingsfacetter',
      beskrivelse: 'Facetgrupper (G) og handlingsfacetter (G01)',
      klassifikation: KLE_UUID,
    },
  },
};

/**
 * Start of validity of everything an import creates. The KLE file carries no dates, and cases
 * filed long before the import must still find their subject, so classes count as valid from
 * (practically) always; only changes found by a later import take effect from that import.
 */
export const KLE_VALID_FROM = new Date('1900-01-01T00:00:00.000Z');
