import { toRegistreringNode } from '../../kit/graphql-scalars';
import { assertUuid } from '../../kit/ids';
import type { KlassifikationContext } from '../context';
import { canReadKlassifikation } from '../kle/can-read-klassifikation';
import type { FacetNode } from '../data/create-facet-loaders';
import type { KlasseNode } from '../data/create-klasse-loaders';
import { loadKlasseSti } from '../data/load-klasse-sti';

export const Klasse = {
  // Async, so that a malformed key fails only its own entity, not the whole `_entities` list.
  // Shield does not wrap this resolver: a refused caller gets null, as for an unknown uuid.
  async __resolveReference(
    reference: { uuid: string },
    context: KlassifikationContext,
  ): Promise<KlasseNode | null> {
    if (!canReadKlassifikation(context.caller)) return null;
    return context.loaders.klasse.byUuid.load(assertUuid(reference.uuid, 'uuid'));
  },

  uuid: (klasse: KlasseNode) => klasse.uuid,
  brugervendtNoegle: (klasse: KlasseNode) => klasse.data.brugervendtNoegle,
  titel: (klasse: KlasseNode) => klasse.data.titel,
  beskrivelse: (klasse: KlasseNode) => klasse.data.beskrivelse,
  niveau: (klasse: KlasseNode) => klasse.data.niveau,

  facet(klasse: KlasseNode, _: unknown, context: KlassifikationContext): Promise<FacetNode | null> {
    return context.loaders.facet.byUuid.load(klasse.data.facet);
  },

  overklasse(
    klasse: KlasseNode,
    _: unknown,
    context: KlassifikationContext,
  ): Promise<KlasseNode | null> | null {
    const { overklasse } = klasse.data;
    return overklasse === null ? null : context.loaders.klasse.byUuid.load(overklasse);
  },

  underklasser(
    klasse: KlasseNode,
    _: unknown,
    context: KlassifikationContext,
  ): Promise<KlasseNode[]> {
    return context.loaders.klasse.underklasser.load(klasse.uuid);
  },

  sti(klasse: KlasseNode, _: unknown, context: KlassifikationContext): Promise<KlasseNode[]> {
    return loadKlasseSti(context.loaders.klasse.byUuid, klasse);
  },

  async registreringer(klasse: KlasseNode, _: unknown, context: KlassifikationContext) {
    return (await context.loaders.klasse.registreringer.load(klasse.uuid)).map(toRegistreringNode);
  },
};
