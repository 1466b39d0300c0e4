import { assertUuid } from '../../kit/ids';
import type { Enhed as EnhedObject } from '../bbr/bbr-objects';
import type { BbrContext } from '../context';

export const Enhed = {
  __resolveReference: (reference: { id: string }, context: BbrContext) =>
    context.loaders.enhed.load(assertUuid(reference.id, 'id')),

  bygning: (parent: EnhedObject, _: unknown, context: BbrContext) =>
    parent.bygningId === null ? null : context.loaders.bygning.load(parent.bygningId),
};
