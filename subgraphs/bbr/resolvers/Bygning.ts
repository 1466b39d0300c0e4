import { assertUuid } from '../../kit/ids';
import type { Bygning as BygningObject } from '../bbr/bbr-objects';
import { canReadBbr } from '../bbr/can-read-bbr';
import type { BbrContext } from '../context';

export const Bygning = {
  // Shield does not wrap this resolver: a refused caller gets null, as for an unknown id.
  __resolveReference: (reference: { id: string }, context: BbrContext) =>
    canReadBbr(context.caller)
      ? context.loaders.bygning.load(assertUuid(reference.id, 'id'))
      : null,

  grund: (parent: BygningObject, _: unknown, context: BbrContext) =>
    parent.grundId === null ? null : context.loaders.grund.load(parent.grundId),

  enheder: (parent: BygningObject, _: unknown, context: BbrContext) =>
    context.loaders.enhederByBygning.load(parent.id),

  etager: (parent: BygningObject, _: unknown, context: BbrContext) =>
    context.loaders.etagerByBygning.load(parent.id),
};
