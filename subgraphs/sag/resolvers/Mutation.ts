import type { GraphQLResolveInfo } from 'graphql';
import { getAktoer } from '../../kit/auth/caller';
import { runIdempotent } from '../../kit/store/idempotency/run-idempotent';
import type { SagContext } from '../context';
import { toSagNode } from '../data/to-sag-node';
import { changeFremdrift } from '../sag/change-fremdrift';
import { createSag } from '../sag/create-sag';
import type { Fremdrift } from '../sag/sag-data';
import type { OpdaterSagInput, OpretSagInput } from '../sag/sag-input';
import { updateSag } from '../sag/update-sag';

/**
 * Runs a change once per `Idempotency-Key`: a retry with the same key and arguments answers the
 * first change's case, and writes nothing. The key is per caller and per field (alias) of the
 * operation.
 */
function once<T>(
  context: SagContext,
  info: GraphQLResolveInfo,
  args: unknown,
  write: () => Promise<T>,
): Promise<T> {
  return runIdempotent(
    {
      store: context.store,
      key: context.idempotencyKey ?? null,
      scope: getAktoer(context.caller),
      operation: `${info.fieldName}:${info.path.key}`,
      input: args,
      now: context.now,
    },
    write,
  );
}

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
      await once(context, info, args, () =>
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
      await once(context, info, args, () =>
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
      await once(context, info, args, () =>
        changeFremdrift(context.store, args.uuid, args.version, args.fremdrift, {
          aktoer: getAktoer(context.caller),
          tid: context.now(),
          guard: context.writeGuard,
          note: args.note ?? null,
        }),
      ),
    ),
};
