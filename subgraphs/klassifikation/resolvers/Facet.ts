import { parsePageArgs, toConnection, type Connection } from '../../kit/connection';
import { toRegistreringNode } from '../../kit/graphql-scalars';
import { assertUuid } from '../../kit/ids';
import type { KlassifikationContext } from '../context';
import { canReadKlassifikation } from '../kle/can-read-klassifikation';
import type { FacetNode } from '../data/create-facet-loaders';
import type { KlasseNode } from '../data/create-klasse-loaders';
import type { KlassifikationNode } from '../data/create-klassifikation-loaders';
import { parseKlasseFilter } from '../kle/parse-klasse-filter';
import type { KlasserArgs } from './Query';

export const Facet = {
  // Async, so that a malformed key fails only its own entity, not the whole `_entities` list.
  // Shield does not wrap this resolver: a refused caller gets null, as for an unknown uuid.
  async __resolveReference(
    reference: { uuid: string },
    context: KlassifikationContext,
  ): Promise<FacetNode | null> {
    if (!canReadKlassifikation(context.caller)) return null;
    return context.loaders.facet.byUuid.load(assertUuid(reference.uuid, 'uuid'));
  },

  uuid: (facet: FacetNode) => facet.uuid,
  brugervendtNoegle: (facet: FacetNode) => facet.data.brugervendtNoegle,
  titel: (facet: FacetNode) => facet.data.titel,
  beskrivelse: (facet: FacetNode) => facet.data.beskrivelse,

  klassifikation(
    facet: FacetNode,
    _: unknown,
    context: KlassifikationContext,
  ): Promise<KlassifikationNode | null> {
    return context.loaders.klassifikation.byUuid.load(facet.data.klassifikation);
  },

  async klasser(
    facet: FacetNode,
    args: KlasserArgs,
    context: KlassifikationContext,
  ): Promise<Connection<KlasseNode>> {
    const page = await context.queries.searchKlasser({
      filter: parseKlasseFilter(args.filter),
      scope: { facet: facet.uuid },
      ...parsePageArgs(args),
    });
    return toConnection(page, (klasse) => klasse);
  },

  async registreringer(facet: FacetNode, _: unknown, context: KlassifikationContext) {
    return (await context.loaders.facet.registreringer.load(facet.uuid)).map(toRegistreringNode);
  },
};
