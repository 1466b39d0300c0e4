import type DataLoader from 'dataloader';
import type { OrganisationEnhedNode } from './to-node';

/**
 * The uuids of every unit below `uuid`, level by level through the children loader, so a list of
 * units costs one batched read per tree level, not one per unit. A unit seen twice (a cycle in
 * bad data) is not followed again.
 */
export async function loadEfterkommerIder(
  underenheder: DataLoader<string, OrganisationEnhedNode[]>,
  uuid: string,
): Promise<string[]> {
  const seen = new Set<string>([uuid]);
  const result: string[] = [];
  let level = [uuid];
  while (level.length > 0) {
    const children: OrganisationEnhedNode[] = [];
    for (const result of await underenheder.loadMany(level)) {
      if (result instanceof Error) throw result;
      children.push(...result);
    }
    level = children.map((c) => c.uuid).filter((id) => !seen.has(id));
    for (const id of level) {
      seen.add(id);
      result.push(id);
    }
  }
  return result;
}
