import type { JWTPayload } from 'jose';
import { ROLES } from '../caller';

/** The CVR numbers of the seeded municipalities (Jammerbugt, Brønderslev, Hjørring, Frederikshavn, Læsø). */
export const SEED_CVRS = ['29189625', '29189501', '29189579', '29190941', '45973328'] as const;

/**
 * Claims of a user holding every role in every seeded municipality without restrictions: what a
 * subgraph's own tests use when access control is not what they test.
 */
export function getFullAccessClaims(subject = 'test-fuld-adgang'): JWTPayload {
  return {
    sub: subject,
    privilegier: SEED_CVRS.map((cvr) => ({ cvr, roller: [...ROLES] })),
  };
}
