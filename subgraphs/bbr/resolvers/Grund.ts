import { assertUuid } from '../../kit/ids';
import type { Grund as GrundObject } from '../bbr/bbr-objects';
import { canReadBbr } from '../bbr/can-read-bbr';
import type { BbrContext } from '../context';

export const Grund = {
  // Shield does not wrap this resolver: a refused caller gets null, as for an unknown id.
  __resolveReference: (reference: { id: string }, context: BbrContext) =>
    canReadBbr(context.caller) ? context.loaders.grund.load(assertUuid(reference.id, 'id')) : null,

  bygninger: (parent: GrundObject, _: unknown, context: BbrContext) =>
    context.loaders.bygningerByGrund.load(parent.id),
};
