import type DataLoader from 'dataloader';
import { MAX_TREE_DEPTH } from '../organisation/create-organisation-enhed';
import type { OrganisationEnhedNode } from './to-node';

/**
 * The path from the root unit down to `enhed`, both included. Walks up through the loader, so a
 * list of units costs one batched read per level, not one per unit. A parent that is not visible
 * at the request's instant ends the path; a cycle in bad data ends it too instead of looping.
 */
export async function loadSti(
  loader: DataLoader<string, OrganisationEnhedNode | null>,
  enhed: OrganisationEnhedNode,
): Promise<OrganisationEnhedNode[]> {
  const sti = [enhed];
  const seen = new Set([enhed.uuid]);
  let next = enhed.overordnet;
  while (next !== null && !seen.has(next) && sti.length < MAX_TREE_DEPTH) {
    const parent = await loader.load(next);
    if (!parent) break;
    sti.unshift(parent);
    seen.add(parent.uuid);
    next = parent.overordnet;
  }
  return sti;
}
