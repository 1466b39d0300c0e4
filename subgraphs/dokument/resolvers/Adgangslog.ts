import { DomainError } from '../../kit/domain-error';
import type { AuditRecord } from '../../kit/audit/audit-log';
import {
  findAdgangslogPoster,
  getAdgangslogScope,
  type AdgangslogScope,
} from '../../kit/audit/find-adgangslog';
import type { DokumentContext } from '../context';

/** An `Adgangslog` this subgraph has checked the caller may read. */
interface AdgangslogNode extends AdgangslogScope {
  __typename: 'Adgangslog';
}

function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const Adgangslog = {
  // Reached only through a reference (the sag subgraph owns `Query.adgangslog`), so the scope is
  // checked again here: a reference the caller may not read is null, like an unknown one.
  __resolveReference: (
    reference: { cpr?: unknown; fra?: unknown; til?: unknown },
    context: DokumentContext,
  ): AdgangslogNode | null => {
    const fra = parseInstant(reference.fra);
    const til = parseInstant(reference.til);
    if (typeof reference.cpr !== 'string' || fra === null || til === null) return null;
    try {
      const scope = getAdgangslogScope(
        context.caller,
        { cpr: reference.cpr, fra, til },
        { now: context.now(), retentionMs: context.auditRetentionMs },
      );
      return { __typename: 'Adgangslog', ...scope };
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  },

  dokument: async (parent: AdgangslogNode, _: unknown, context: DokumentContext) => {
    const poster = await findAdgangslogPoster(context.auditLog, context.caller, parent, {
      directory: context.directory,
      token: context.token,
    });
    return poster.map((post: AuditRecord) => ({
      tid: post.tid,
      requestId: post.requestId,
      aktoer: post.aktoer,
      organisation: post.organisation,
      dataansvarlig: post.dataansvarlig,
      rolle: post.rolle,
      operation: post.operation,
      objektType: post.objektType,
      objekter: post.objekter,
      udfald: post.udfald,
      cpr: post.cpr,
      soegekriterier: post.soegekriterier === null ? null : JSON.stringify(post.soegekriterier),
    }));
  },
};
