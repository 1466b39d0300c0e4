import { assertUuid } from '../../kit/ids';
import type { Enhed as EnhedObject } from '../bbr/bbr-objects';
import { canReadBbr } from '../bbr/can-read-bbr';
import type { BbrContext } from '../context';

export const Enhed = {
  // Shield does not wrap this resolver: a refused caller gets null, as for an unknown id.
  __resolveReference: (reference: { id: string }, context: BbrContext) =>
    canReadBbr(context.caller) ? context.loaders.enhed.load(assertUuid(reference.id, 'id')) : null,

  bygning: (parent: EnhedObject, _: unknown, context: BbrContext) =>
    parent.bygningId === null ? null : context.loaders.bygning.load(parent.bygningId),
};
