import type { GraphQLResolveInfo } from 'graphql';
import { getAktoer, type Caller } from './auth/caller';
import type { BitemporalStore } from './store/bitemporal-store';
import { runIdempotent } from './store/idempotency/run-idempotent';

/** What a mutation resolver's context holds for running it once per Idempotency-Key. */
export interface IdempotentMutationContext {
  store: BitemporalStore;
  caller: Caller;
  idempotencyKey?: string | null;
  now: () => Date;
}

/**
 * Runs a mutation field once per the request's `Idempotency-Key` (see `runIdempotent`): a retry
 * with the same key and arguments answers the first result and writes nothing. The key is kept
 * per caller and per field (alias) of the operation.
 */
export function runMutationOnce<T>(
  context: IdempotentMutationContext,
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
