/** The data paths this subgraph searches by; the store indexes them at start. */
export const DOKUMENT_INDEXES = [
  'sag',
  'titel',
  'dokumenttype',
  'brevdato',
  // The access filters every list carries.
  'adgang.organisation',
  'adgang.kleNummer',
  'adgang.cpr',
];
