import type { AccessAttributes } from '../../kit/auth/row-access';

/**
 * Port to the case index (the sag subgraph): the access attributes of a case, as the caller may
 * see it. A document is filed with a copy of them, so a change of the case's KLE number, unit,
 * sensitivity or parties after that is not seen by its documents.
 */
export interface SagLookup {
  /**
   * The case's attributes, asked on behalf of the caller whose `token` is given; null when the
   * case does not exist or the caller may not see it. Rejects when the index cannot be asked, so
   * a document is never filed with guessed attributes.
   */
  findSag(uuid: string, token: string | null): Promise<AccessAttributes | null>;
}
