import type { KleTilknytningData } from '../organisation/organisation-data';

export const KleTilknytning = {
  // Klasse belongs to the klassifikation subgraph: a reference is enough, the gateway fetches it.
  klasse: (parent: KleTilknytningData) => ({ __typename: 'Klasse', uuid: parent.klasse }),
};
