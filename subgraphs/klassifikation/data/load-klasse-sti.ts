import type DataLoader from 'dataloader';
import type { KlasseNode } from './create-klasse-loaders';

// KLE is three levels deep; anything deeper is a broken (cyclic) parent chain, not a path.
const MAX_DEPTH = 20;

/**
 * The path from the top class down to `klasse`, both included, walking up through the loader so
 * the paths of a list of classes share their store reads. A parent not visible at the request's
 * instant ends the path there.
 */
export async function loadKlasseSti(
  byUuid: DataLoader<string, KlasseNode | null>,
  klasse: KlasseNode,
): Promise<KlasseNode[]> {
  const sti = [klasse];
  const seen = new Set([klasse.uuid]);
  let parent = klasse.data.overklasse;
  while (parent !== null && !seen.has(parent) && sti.length < MAX_DEPTH) {
    const next = await byUuid.load(parent);
    if (!next) break;
    sti.unshift(next);
    seen.add(next.uuid);
    parent = next.data.overklasse;
  }
  return sti;
}
