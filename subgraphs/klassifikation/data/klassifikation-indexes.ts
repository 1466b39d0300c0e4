/** The data paths this subgraph searches by, indexed by a store that supports indexes. */
export const KLASSIFIKATION_INDEXES = [
  'brugervendtNoegle',
  'facet',
  'overklasse',
  'klassifikation',
];
