/** The data paths this subgraph searches by; the store indexes them at start. */
export const ORGANISATION_INDEXES = [
  'navn',
  'cvr',
  'kommunekode',
  'organisation',
  'overordnet',
  'kle.klasse',
];
