import { findAdgangslogPoster, type AdgangslogScope } from '../../kit/audit/find-adgangslog';
import { getAdgangslogScope } from '../../kit/audit/find-adgangslog';
import type { SagContext } from '../context';
import {
  parseAdgangslogReference,
  type AdgangslogReference,
} from '../data/parse-adgangslog-reference';
import { toAdgangslogPost } from '../data/to-adgangslog-post';

export const Adgangslog = {
  // `_entities` must not widen what `Query.adgangslog` allows: the scope is decided again.
  __resolveReference: (reference: AdgangslogReference, context: SagContext): AdgangslogScope =>
    getAdgangslogScope(context.caller, parseAdgangslogReference(reference), {
      now: context.now(),
      retentionMs: context.auditRetentionMs,
    }),

  sag: async (parent: AdgangslogScope, _: unknown, context: SagContext) =>
    (
      await findAdgangslogPoster(context.auditLog, context.caller, parent, {
        directory: context.directory,
        token: context.token,
      })
    ).map(toAdgangslogPost),
};
