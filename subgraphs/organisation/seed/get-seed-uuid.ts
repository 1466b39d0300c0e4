import { getUuidV5 } from '../../kit/get-uuid-v5';

/** The namespace of the organisation seed's uuids; changing it changes every seeded uuid. */
export const SEED_NAMESPACE = '7d426179-6703-42c9-98a5-dd7550a6171e';

/**
 * A uuid v5 in the organisation seed's namespace: the same name always gives the same uuid, so
 * the seed is deterministic and other seeds can refer to its objects.
 */
export function getSeedUuid(name: string, namespace = SEED_NAMESPACE): string {
  return getUuidV5(name, namespace);
}
