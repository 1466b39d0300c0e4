import { assertUuid } from '../../kit/ids';
import type { Bygning as BygningObject } from '../bbr/bbr-objects';
import type { BbrContext } from '../context';

export const Bygning = {
  __resolveReference: (reference: { id: string }, context: BbrContext) =>
    context.loaders.bygning.load(assertUuid(reference.id, 'id')),

  grund: (parent: BygningObject, _: unknown, context: BbrContext) =>
    parent.grundId === null ? null : context.loaders.grund.load(parent.grundId),

  enheder: (parent: BygningObject, _: unknown, context: BbrContext) =>
    context.loaders.enhederByBygning.load(parent.id),
};
