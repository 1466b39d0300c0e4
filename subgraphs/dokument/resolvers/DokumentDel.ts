import type { DokumentDelNode } from '../data/to-dokument-node';
import { getIndholdUrl } from '../http/get-indhold-url';

export const DokumentDel = {
  indholdUrl: (parent: DokumentDelNode) => getIndholdUrl(parent.dokument, parent.uuid),
};
