import type { StoredObject } from '../../kit/store/bitemporal-store';
import type { DokumentData, DokumentDelData } from '../dokument/dokument-data';

/** A part as the resolvers see it: it knows its document, to build its download path. */
export type DokumentDelNode = DokumentDelData & { dokument: string };

/** A document as the resolvers see it: the data valid at the request's instant. */
export type DokumentNode = Omit<DokumentData, 'varianter'> & {
  uuid: string;
  version: number;
  varianter: { varianttekst: string; dele: DokumentDelNode[] }[];
};

export function toDokumentNode(stored: StoredObject<DokumentData>): DokumentNode {
  return {
    ...stored.data,
    uuid: stored.uuid,
    version: stored.version,
    varianter: stored.data.varianter.map((variant) => ({
      varianttekst: variant.varianttekst,
      dele: variant.dele.map((del) => ({ ...del, dokument: stored.uuid })),
    })),
  };
}
