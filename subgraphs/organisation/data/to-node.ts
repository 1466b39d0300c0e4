import type { Data, StoredObject } from '../../kit/store/bitemporal-store';
import type {
  BrugerData,
  OrganisationData,
  OrganisationEnhedData,
} from '../organisation/organisation-data';

/** An object as the resolvers see it: the data valid at the request's instant, and its uuid. */
export type Node<T extends Data> = T & { uuid: string };

export type OrganisationNode = Node<OrganisationData>;
export type OrganisationEnhedNode = Node<OrganisationEnhedData>;
export type BrugerNode = Node<BrugerData>;

export function toNode<T extends Data>(stored: StoredObject<T>): Node<T> {
  return { ...stored.data, uuid: stored.uuid };
}
