/** The data paths this subgraph searches by; the store indexes them at start. */
export const DOKUMENT_INDEXES = [
  'sag',
  'titel',
  'dokumenttype',
  'brevdato',
  'foelsomhed',
  // The municipalities a list is narrowed to (`adgang.organisation` for documents filed before).
  'organisation',
  'adgang.organisation',
  // Which documents hold a content, and the uploads the sweep looks for.
  'varianter.dele.indholdId',
  'tilknyttet',
  'uploadet',
];
