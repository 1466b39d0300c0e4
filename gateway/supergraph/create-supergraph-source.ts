import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SupergraphSdlUpdateFunction } from '@apollo/gateway';
import { GraphQLError, parse } from 'graphql';
import type { Logger } from '../../subgraphs/kit/logger';
import { fetchSupergraph, SupergraphFetchError } from './fetch-supergraph';
import { getSupergraphHash } from './get-supergraph-hash';
import {
  SupergraphLoadError,
  type SupergraphErrorKind,
  type SupergraphSource,
  type SupergraphStatus,
} from './supergraph-source';

/** Where the supergraph is read: a file, or an http(s) URL. */
export type SupergraphLocation = { kind: 'file'; path: string } | { kind: 'url'; url: string };

export const DEFAULT_SUPERGRAPH_POLL_MS = 10_000;

export interface SupergraphSourceOptions {
  location: SupergraphLocation;
  logger: Logger;
  /**
   * How often the location is checked for a new version. A file is watched as well; polling
   * catches what the watcher misses (network and container mounts, editors that replace files).
   * @default DEFAULT_SUPERGRAPH_POLL_MS (10 s)
   */
  pollMs?: number;
  /** Quiet time after a file event before the file is read, so a write can finish. @default 100 */
  settleMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Bound on one fetch of a URL. @default 10000 */
  fetchTimeoutMs?: number;
  /** Bound on the size of the supergraph (file or URL). @default 16 MiB */
  maxBytes?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

/** Fields describing a read failure for the log: codes and statuses only, never a path or URL. */
function describeReadError(error: unknown): Record<string, unknown> {
  if (error instanceof SupergraphFetchError) return { reason: error.reason, status: error.status };
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: typeof code === 'string' ? code : error.name };
  }
  return { reason: 'unknown' };
}

/** Fields describing a refusal for the log: where in the text, and error codes, never the SDL. */
function describeRefusal(error: unknown): Record<string, unknown> {
  if (!(error instanceof GraphQLError)) {
    return { reason: error instanceof Error ? error.name : 'unknown' };
  }
  const code = error.extensions.code;
  return {
    reason: typeof code === 'string' ? code : error.name,
    locations: error.locations?.map((l) => `${l.line}:${l.column}`),
  };
}

/**
 * A supergraph read from a file or URL and checked for new versions until the gateway stops. A
 * new version is taken into use only when it parses and the gateway builds a supergraph from it
 * (the gateway's own `update` does the building: a refused version changes nothing, so the one in
 * use keeps serving, and in-flight requests finish on the plan they started with). Identical text
 * is never tried twice; a URL is asked with If-None-Match. Outcomes are logged without SDL and
 * counted in `getSupergraphStatus()`.
 *
 * Side-effect free until the gateway calls `hook`; the gateway's stop runs the cleanup, which
 * ends the watcher and the poll.
 */
export function createSupergraphSource(options: SupergraphSourceOptions): SupergraphSource {
  const { location } = options;
  const pollMs = options.pollMs ?? DEFAULT_SUPERGRAPH_POLL_MS;
  const settleMs = options.settleMs ?? 100;
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  const logger = options.logger.child({ component: 'supergraph', source: location.kind });
  const status: SupergraphStatus = {
    hash: null,
    loadedAt: null,
    lastError: null,
    reloads: { ok: 0, failed: 0 },
  };
  let etag: string | null = null;
  /** The latest version refused, so the same text is neither tried nor counted again. */
  let refused: { hash: string; kind: SupergraphErrorKind } | null = null;
  /** Why the latest text read was refused (null when it is the one in use). */
  let latestTextError: SupergraphErrorKind | null = null;
  let stopped = false;

  /** The current text, or null when the URL says it has not changed since the last read. */
  async function read(): Promise<string | null> {
    if (location.kind === 'file') {
      const text = await readFile(location.path, 'utf8');
      if (Buffer.byteLength(text) > maxBytes) throw new SupergraphFetchError('TOO_LARGE');
      return text;
    }
    const fetched = await fetchSupergraph(location.url, {
      etag,
      fetch: options.fetch ?? fetch,
      timeoutMs: options.fetchTimeoutMs ?? 10_000,
      maxBytes,
    });
    if (fetched.kind === 'unchanged') return null;
    etag = fetched.etag;
    return fetched.supergraphSdl;
  }

  /** Offers `text` to the gateway; returns why it was refused, or null once it is in use. */
  function tryUpdate(
    text: string,
    update: SupergraphSdlUpdateFunction,
  ): { kind: SupergraphErrorKind; error: unknown } | null {
    try {
      parse(text, { noLocation: true });
    } catch (error) {
      return { kind: 'SUPERGRAPH_SYNTAX_ERROR', error };
    }
    try {
      update(text);
    } catch (error) {
      return { kind: 'SUPERGRAPH_INVALID', error };
    }
    return null;
  }

  /** One check for a new version; never rejects. */
  async function check(update: SupergraphSdlUpdateFunction): Promise<void> {
    let text: string | null;
    try {
      text = await read();
    } catch (error) {
      if (stopped) return;
      // An outage counts once, not once per poll.
      if (status.lastError !== 'SUPERGRAPH_UNREADABLE') {
        status.reloads.failed += 1;
        logger.error(
          { kind: 'SUPERGRAPH_UNREADABLE', hash: status.hash, ...describeReadError(error) },
          'supergraph could not be read; the version in use stays',
        );
      }
      status.lastError = 'SUPERGRAPH_UNREADABLE';
      return;
    }
    if (stopped) return;
    if (text === null) {
      status.lastError = latestTextError;
      return;
    }
    const hash = getSupergraphHash(text);
    if (hash === status.hash) {
      latestTextError = null;
      status.lastError = null;
      return;
    }
    if (refused?.hash === hash) {
      latestTextError = refused.kind;
      status.lastError = refused.kind;
      return;
    }
    const refusal = tryUpdate(text, update);
    if (refusal) {
      refused = { hash, kind: refusal.kind };
      latestTextError = refusal.kind;
      status.lastError = refusal.kind;
      status.reloads.failed += 1;
      logger.error(
        { kind: refusal.kind, hash, inUse: status.hash, ...describeRefusal(refusal.error) },
        'supergraph refused; the version in use stays',
      );
      return;
    }
    const previous = status.hash;
    status.hash = hash;
    status.loadedAt = now();
    status.reloads.ok += 1;
    status.lastError = null;
    latestTextError = null;
    refused = null;
    logger.info({ hash, previous }, 'supergraph updated');
  }

  const hook: SupergraphSource['hook'] = async ({ update }) => {
    let text: string | null;
    try {
      text = await read();
    } catch (error) {
      throw new SupergraphLoadError('SUPERGRAPH_UNREADABLE', 'The supergraph could not be read', {
        cause: error,
      });
    }
    if (text === null) {
      throw new SupergraphLoadError('SUPERGRAPH_UNREADABLE', 'The supergraph URL answered 304');
    }
    // Offered here rather than left to the gateway, so a bad first version fails with a code
    // and no SDL in the message; the gateway then finds the same text already in use.
    const refusal = tryUpdate(text, update);
    if (refusal) {
      logger.error({ kind: refusal.kind, ...describeRefusal(refusal.error) }, 'supergraph refused');
      throw new SupergraphLoadError(refusal.kind, 'The supergraph cannot be used');
    }
    status.hash = getSupergraphHash(text);
    status.loadedAt = now();
    logger.info({ hash: status.hash }, 'supergraph loaded');

    let running: Promise<void> | null = null;
    let again = false;
    // Checks run one at a time; a request during a check runs one more after it.
    const requestCheck = (): void => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = check(update).finally(() => {
        running = null;
        if (again) {
          again = false;
          requestCheck();
        }
      });
    };
    const poll = setInterval(requestCheck, pollMs);
    poll.unref();
    let settle: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | null = null;
    if (location.kind === 'file') {
      const onEvent = (): void => {
        clearTimeout(settle);
        settle = setTimeout(requestCheck, settleMs);
        settle.unref();
      };
      try {
        // The directory, not the file: a file replaced by rename (atomic writes, Kubernetes'
        // ConfigMap symlink swap) would leave a watcher on the file watching the old inode.
        watcher = watch(dirname(location.path), { persistent: false }, onEvent);
        watcher.on('error', (error) => {
          logger.warn({ ...describeReadError(error) }, 'supergraph watch ended; polling only');
          watcher?.close();
          watcher = null;
        });
      } catch (error) {
        logger.warn({ ...describeReadError(error) }, 'supergraph not watched; polling only');
      }
    }
    return {
      supergraphSdl: text,
      cleanup: async () => {
        stopped = true;
        clearInterval(poll);
        clearTimeout(settle);
        watcher?.close();
        await running;
      },
    };
  };

  return {
    hook,
    getSupergraphStatus: () => ({ ...status, reloads: { ...status.reloads } }),
  };
}
