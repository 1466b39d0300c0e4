/**
 * The access log ("adgangslog") of a subgraph that holds personal data: one record per use of
 * personal data (a read, a search with its criteria, a change, a refused attempt), kept for a
 * retention period and searchable by CPR so a data subject can be told who looked them up.
 */

export type AuditOutcome = 'TILLADT' | 'AFVIST';
export type AuditOperation = 'LAES' | 'SOEG' | 'OPRET' | 'RET';
export type AuditAktoerType = 'BRUGER' | 'BORGER' | 'ANONYM';

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['TILLADT', 'AFVIST'];
export const AUDIT_OPERATIONS: readonly AuditOperation[] = ['LAES', 'SOEG', 'OPRET', 'RET'];
export const AUDIT_AKTOER_TYPES: readonly AuditAktoerType[] = ['BRUGER', 'BORGER', 'ANONYM'];

/** The largest page `search` returns. */
export const MAX_AUDIT_PAGE = 500;

export interface AuditRecord {
  /** A uuid set by the caller (randomUUID); appending the same id again keeps the first. */
  id: string;
  /** The UTC instant of the use. */
  tid: Date;
  requestId: string;
  /** The subgraph that served the use: 'sag', 'dokument'. */
  service: string;
  /** The caller's subject (a user id or 'borger:<subject>'), never a token. */
  aktoer: string;
  aktoerType: AuditAktoerType;
  /** CVR of the privilege group used, if any. */
  organisation: string | null;
  /**
   * uuid of the municipality whose data the use concerns (the owner of the case, or of the case a
   * document belongs to), whoever the caller and whatever the outcome. Null only where no
   * municipality's data was touched: a citizen's search that found nothing, and records written
   * before the field existed. An auditor sees records by this field alone.
   */
  dataansvarlig: string | null;
  /** The role used, e.g. 'sag:laes'. */
  rolle: string | null;
  /** Identifier of the privilege group used. */
  privilegiegruppe: string | null;
  operation: AuditOperation;
  /** 'Sag', 'Dokument'. */
  objektType: string;
  /** Uuids of the objects concerned. */
  objekter: string[];
  /** CPR numbers concerned (10 digits each). */
  cpr: string[];
  /** The search criteria of a search, as plain JSON. */
  soegekriterier: Record<string, unknown> | null;
  udfald: AuditOutcome;
}

export interface AuditQuery {
  /** Only records whose `cpr` list contains this number (10 digits). */
  cpr?: string;
  /** Only records whose `dataansvarlig` is one of these uuids (an empty list matches nothing). */
  dataansvarlig?: readonly string[];
  /** Inclusive. */
  fra?: Date;
  /** Exclusive. */
  til?: Date;
  /** 1..MAX_AUDIT_PAGE. */
  first: number;
  /** The `endCursor` of the previous page. */
  after?: string | null;
}

export interface AuditPage {
  records: AuditRecord[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface AuditLog {
  /**
   * Appends records durably; rejects if they cannot be written, so callers can fail closed.
   * Every record is validated before anything is written (one invalid record writes none); an
   * id already in the log is skipped, so retrying a failed append never duplicates a record.
   */
  append(records: readonly AuditRecord[]): Promise<void>;
  /**
   * Newest first (tid desc, id desc); `cpr` matches records whose cpr list contains it; fra
   * inclusive, til exclusive; keyset cursor (opaque string). Records older than the retention are
   * never returned. Rejects with a TypeError on an invalid query or cursor.
   */
  search(query: AuditQuery): Promise<AuditPage>;
  /** Deletes records with tid before `before`; returns how many. The only removal there is. */
  purgeBefore(before: Date): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
