import type { AccessAttributes } from '../../kit/auth/row-access';

/** The most cases one `findSager` call may ask for, so no request makes an unbounded lookup. */
export const MAX_SAGER_PER_LOOKUP = 1000;

/**
 * Port to the case index (the sag subgraph): the access attributes of cases as they are now, as
 * the caller may see them. A document holds no copy of them (only its case's immutable owning
 * municipality), so every decision about a document asks here, and a change to a case's parties,
 * KLE number, unit or sensitivity is seen by the first request after it.
 */
export interface SagLookup {
  /**
   * The cases' current attributes, aligned with `uuids` (at most MAX_SAGER_PER_LOOKUP), asked in
   * one call on behalf of the caller whose `token` is given; null where the case does not exist or
   * the caller may not see it. Rejects when the index cannot be asked, so nothing is decided on
   * guessed attributes.
   */
  findSager(uuids: readonly string[], token: string | null): Promise<(AccessAttributes | null)[]>;
  /**
   * The calling citizen's own cases (where `cpr`, the token's CPR number, is a party) with their
   * current attributes, by case uuid. Rejects as `findSager`.
   */
  findMineSager(cpr: string, token: string | null): Promise<Map<string, AccessAttributes>>;
}
