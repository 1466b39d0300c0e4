import type { PageArgs } from '../../kit/connection';
import { assertUuid } from '../../kit/ids';
import type { BbrContext } from '../context';
import { searchBygninger, type BygningFilterInput } from '../data/search-bygninger';

export const Query = {
  bygning: (_: unknown, args: { id: string }, context: BbrContext) =>
    context.loaders.bygning.load(assertUuid(args.id, 'id')),

  bygninger: (_: unknown, args: { filter: BygningFilterInput } & PageArgs, context: BbrContext) =>
    searchBygninger(context.client, context.at, args.filter, args),

  enhed: (_: unknown, args: { id: string }, context: BbrContext) =>
    context.loaders.enhed.load(assertUuid(args.id, 'id')),

  grund: (_: unknown, args: { id: string }, context: BbrContext) =>
    context.loaders.grund.load(assertUuid(args.id, 'id')),
};
