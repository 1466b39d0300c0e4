import { toRegistreringNode } from '../../kit/graphql-scalars';
import { assertUuid } from '../../kit/ids';
import type { KlassifikationContext } from '../context';
import { canReadKlassifikation } from '../kle/can-read-klassifikation';
import type { FacetNode } from '../data/create-facet-loaders';
import type { KlassifikationNode } from '../data/create-klassifikation-loaders';

export const Klassifikation = {
  // Async, so that a malformed key fails only its own entity, not the whole `_entities` list.
  // Shield does not wrap this resolver: a refused caller gets null, as for an unknown uuid.
  async __resolveReference(
    reference: { uuid: string },
    context: KlassifikationContext,
  ): Promise<KlassifikationNode | null> {
    if (!canReadKlassifikation(context.caller)) return null;
    return context.loaders.klassifikation.byUuid.load(assertUuid(reference.uuid, 'uuid'));
  },

  uuid: (klassifikation: KlassifikationNode) => klassifikation.uuid,
  brugervendtNoegle: (klassifikation: KlassifikationNode) => klassifikation.data.brugervendtNoegle,
  titel: (klassifikation: KlassifikationNode) => klassifikation.data.titel,
  beskrivelse: (klassifikation: KlassifikationNode) => klassifikation.data.beskrivelse,

  facetter(
    klassifikation: KlassifikationNode,
    _: unknown,
    context: KlassifikationContext,
  ): Promise<FacetNode[]> {
    return context.loaders.facet.byKlassifikation.load(klassifikation.uuid);
  },

  async registreringer(
    klassifikation: KlassifikationNode,
    _: unknown,
    context: KlassifikationContext,
  ) {
    const registreringer = await context.loaders.klassifikation.registreringer.load(
      klassifikation.uuid,
    );
    return registreringer.map(toRegistreringNode);
  },
};
