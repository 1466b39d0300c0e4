import { KleSideDocument, type KleSideQuery } from './generated/graphql';
import {
  GraphRequestError,
  readAllPages,
  type GraphClient,
  type GraphError,
} from './create-graph-client';

type KleKlasse = NonNullable<KleSideQuery['klasser']>['nodes'][number];

/** Every KLE class, 100 per page to the last, with the partial errors met on the way. */
export async function readAllKle(
  client: GraphClient,
): Promise<{ klasser: KleKlasse[]; pages: number; errors: GraphError[] }> {
  const klasser: KleKlasse[] = [];
  const errors: GraphError[] = [];
  let pages = 0;
  const allPages = readAllPages(async (after) => {
    const { data, errors: pageErrors } = await client.request(KleSideDocument, { after });
    // The field is null only when klassifikation could not answer: nothing to page on.
    if (!data.klasser) throw new GraphRequestError('klasser is not available', 200, pageErrors);
    return { ...data.klasser, errors: pageErrors };
  });
  for await (const page of allPages) {
    pages += 1;
    klasser.push(...page.nodes);
    errors.push(...page.errors);
  }
  return { klasser, pages, errors };
}
