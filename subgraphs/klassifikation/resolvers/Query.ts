import { parsePageArgs, toConnection, type Connection } from '../../kit/connection';
import { assertUuid } from '../../kit/ids';
import type { KlassifikationContext } from '../context';
import type { KlasseNode } from '../data/create-klasse-loaders';
import type { KlassifikationNode } from '../data/create-klassifikation-loaders';
import { parseKleNummer } from '../kle/parse-kle-nummer';
import { parseKlasseFilter, type KlasseFilterInput } from '../kle/parse-klasse-filter';

/** Arguments of the class lists (`Query.klasser`, `Facet.klasser`). */
export interface KlasserArgs {
  filter?: KlasseFilterInput | null;
  first?: number | null;
  after?: string | null;
}

export const Query = {
  klassifikation(
    _: unknown,
    args: { uuid: string },
    context: KlassifikationContext,
  ): Promise<KlassifikationNode | null> {
    return context.loaders.klassifikation.byUuid.load(assertUuid(args.uuid, 'uuid'));
  },

  klasse(
    _: unknown,
    args: { uuid: string },
    context: KlassifikationContext,
  ): Promise<KlasseNode | null> {
    return context.loaders.klasse.byUuid.load(assertUuid(args.uuid, 'uuid'));
  },

  kle(
    _: unknown,
    args: { nummer: string },
    context: KlassifikationContext,
  ): Promise<KlasseNode | null> {
    return context.loaders.klasse.byNummer.load(parseKleNummer(args.nummer, 'nummer').nummer);
  },

  async klasser(
    _: unknown,
    args: KlasserArgs,
    context: KlassifikationContext,
  ): Promise<Connection<KlasseNode>> {
    const page = await context.queries.searchKlasser({
      filter: parseKlasseFilter(args.filter),
      ...parsePageArgs(args),
    });
    return toConnection(page, (klasse) => klasse);
  },
};
