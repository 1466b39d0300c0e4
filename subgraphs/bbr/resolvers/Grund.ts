import { assertUuid } from '../../kit/ids';
import type { Grund as GrundObject } from '../bbr/bbr-objects';
import type { BbrContext } from '../context';

export const Grund = {
  __resolveReference: (reference: { id: string }, context: BbrContext) =>
    context.loaders.grund.load(assertUuid(reference.id, 'id')),

  bygninger: (parent: GrundObject, _: unknown, context: BbrContext) =>
    context.loaders.bygningerByGrund.load(parent.id),
};
