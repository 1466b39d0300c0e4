import type DataLoader from 'dataloader';
import type { OrganisationEnhedNode } from './to-node';

/** The units among `uuids` that are visible at the request's instant, in the given order. */
export async function loadEnheder(
  loader: DataLoader<string, OrganisationEnhedNode | null>,
  uuids: readonly string[],
): Promise<OrganisationEnhedNode[]> {
  const enheder = await Promise.all(uuids.map((uuid) => loader.load(uuid)));
  return enheder.filter((enhed): enhed is OrganisationEnhedNode => enhed !== null);
}
