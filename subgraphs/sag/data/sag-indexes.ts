/** The data paths this subgraph searches by; the store indexes them at start. */
export const SAG_INDEXES = [
  'sagsnummer',
  'organisation',
  'kle',
  'kleNummer',
  'fremdrift',
  'ansvarligEnhed',
  'sagsbehandler',
  'parter.cpr',
  'parter.cvr',
  'bygninger',
  'oprettet',
  'aendret',
];
