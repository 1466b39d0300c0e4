import type { StoredObject } from '../../kit/store/bitemporal-store';
import type { SagData } from '../sag/sag-data';

/** A case as the resolvers see it: the data valid at the request's instant, uuid and version. */
export type SagNode = SagData & { uuid: string; version: number };

export function toSagNode(stored: StoredObject<SagData>): SagNode {
  return { ...stored.data, uuid: stored.uuid, version: stored.version };
}
