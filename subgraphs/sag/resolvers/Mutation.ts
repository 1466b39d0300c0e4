import type { GraphQLResolveInfo } from 'graphql';
import { getAktoer } from '../../kit/auth/caller';
import { runMutationOnce } from '../../kit/run-mutation-once';
import type { SagContext } from '../context';
import { toSagNode } from '../data/to-sag-node';
import { changeFremdrift } from '../sag/change-fremdrift';
import { createSag } from '../sag/create-sag';
import type { Fremdrift } from '../sag/sag-data';
import type { OpdaterSagInput, OpretSagInput } from '../sag/sag-input';
import { updateSag } from '../sag/update-sag';

// A change is answered with the case as written, not re-read at the request's instant, which was
// fixed before the change was registered.
export const Mutation = {
  opretSag: async (
    _: unknown,
    args: { input: OpretSagInput },
    context: SagContext,
    info: GraphQLResolveInfo,
  ) =>
    toSagNode(
      await runMutationOnce(context, info, args, () =>
        createSag(context.store, args.input, {
          aktoer: getAktoer(context.caller),
          tid: context.now(),
          guard: context.writeGuard,
          references: context.references,
        }),
      ),
    ),

  opdaterSag: async (
    _: unknown,
    args: { uuid: string; version: number; input: OpdaterSagInput },
    context: SagContext,
    info: GraphQLResolveInfo,
  ) =>
    toSagNode(
      await runMutationOnce(context, info, args, () =>
        updateSag(context.store, args.uuid, args.version, args.input, {
          aktoer: getAktoer(context.caller),
          tid: context.now(),
          guard: context.writeGuard,
          references: context.references,
        }),
      ),
    ),

  skiftFremdrift: async (
    _: unknown,
    args: { uuid: string; version: number; fremdrift: Fremdrift; note?: string | null },
    context: SagContext,
    info: GraphQLResolveInfo,
  ) =>
    toSagNode(
      await runMutationOnce(context, info, args, () =>
        changeFremdrift(context.store, args.uuid, args.version, args.fremdrift, {
          aktoer: getAktoer(context.caller),
          tid: context.now(),
          guard: context.writeGuard,
          note: args.note ?? null,
        }),
      ),
    ),
};
