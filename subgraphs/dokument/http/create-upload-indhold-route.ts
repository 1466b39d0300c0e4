import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContentStore } from '../../kit/content/content-store';
import { PayloadTooLargeError } from '../../kit/content/content-errors';
import type { RequestContext, RouteHandler } from '../../kit/create-subgraph-server';
import { getAktoer, hasRole } from '../../kit/auth/caller';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { registerUpload } from '../indhold/register-upload';
import { BadUserInputError, DomainError, ForbiddenError } from '../../kit/domain-error';
import { sendJson } from '../../kit/http/send-json';
import { runIdempotent } from '../../kit/store/idempotency/run-idempotent';

export const INDHOLD_PATH = '/indhold';
export const SHA256_HEADER = 'x-content-sha256';

// type/subtype with optional parameters (RFC 9110 tokens, quoted parameter values).
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
const MEDIA_TYPE = new RegExp(
  `^(${TOKEN})/(${TOKEN})((?:\\s*;\\s*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\r\\n]*"))*)\\s*$`,
);
const MAX_MEDIA_TYPE_LENGTH = 255;
const SHA256 = /^[0-9a-fA-F]{64}$/;

/** The validated media type of an upload, type and subtype in lower case. */
export function parseMediaType(value: string | undefined): string {
  const match = value && value.length <= MAX_MEDIA_TYPE_LENGTH ? MEDIA_TYPE.exec(value) : null;
  if (!match) {
    throw new BadUserInputError(
      'Content-Type must be the media type of the file, e.g. application/pdf',
      'Content-Type',
    );
  }
  return `${match[1]}/${match[2]}`.toLowerCase() + (match[3] ?? '').trim();
}

function refuse(res: ServerResponse, error: DomainError): never {
  // The rest of the body may still be on its way: close the connection after the answer
  // instead of reading (possibly endless) bytes nobody will keep.
  res.setHeader('connection', 'close');
  throw error;
}

/**
 * `POST /indhold`: one file as the raw request body, streamed into the content store. Requires
 * `Content-Type` (the file's media type) and `X-Content-SHA256` (its hex SHA-256, which the store
 * checks); answers 201 with `{ indholdId, sha256, stoerrelse, mimetype }`. Only a user holding
 * `dokument:skriv` in some group may upload (403 FORBIDDEN otherwise, before any byte is stored);
 * which case the content may be filed on is decided when a document is created with it. The
 * content is the uploader's: only they may attach it, within the attach window, and it is removed
 * when no document holds it after the TTL (see indhold/). With an `Idempotency-Key`, a retry of
 * the same file (same SHA-256 and media type) answers the first upload and stores nothing.
 */
export function createUploadIndholdRoute(deps: {
  /** Where the upload's owner is recorded. */
  store: BitemporalStore;
  now: () => Date;
  contentStore: ContentStore;
  maxContentBytes: number;
}): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse, context: RequestContext) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== INDHOLD_PATH) return false;
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      refuse(res, new DomainError('METHOD_NOT_ALLOWED', 'Use POST', { status: 405 }));
    }
    if (!hasRole(context.caller, 'dokument:skriv')) refuse(res, new ForbiddenError());
    let mimetype: string;
    try {
      mimetype = parseMediaType(req.headers['content-type']);
    } catch (error) {
      refuse(res, error as DomainError);
    }
    const expected = req.headers[SHA256_HEADER];
    if (typeof expected !== 'string' || !SHA256.test(expected)) {
      refuse(
        res,
        new BadUserInputError(
          'X-Content-SHA256 must be the hex SHA-256 of the file',
          'X-Content-SHA256',
        ),
      );
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > deps.maxContentBytes) {
      refuse(res, new PayloadTooLargeError(deps.maxContentBytes));
    }
    let read = false;
    const upload = async () => {
      read = true;
      let written;
      try {
        written = await deps.contentStore.write(req, {
          maxBytes: deps.maxContentBytes,
          expectedSha256: expected,
          mimetype,
        });
      } catch (error) {
        if (error instanceof DomainError) refuse(res, error);
        throw error;
      }
      try {
        await registerUpload(deps.store, {
          id: written.id,
          ejer: getAktoer(context.caller),
          tid: deps.now(),
        });
      } catch (error) {
        // Content without an owner could be attached by no one: it is not kept.
        await deps.contentStore.remove(written.id);
        throw error;
      }
      // A content id is a key to the file until it is filed: never logged at info.
      context.logger.info(
        { stoerrelse: written.size, mimetype: written.mimetype },
        'content stored',
      );
      return {
        indholdId: written.id,
        sha256: written.sha256,
        stoerrelse: written.size,
        mimetype: written.mimetype,
      };
    };
    const answer = await runIdempotent(
      {
        store: deps.store,
        key: context.idempotencyKey ?? null,
        scope: getAktoer(context.caller),
        operation: 'upload',
        input: { sha256: expected.toLowerCase(), mimetype },
        now: deps.now,
      },
      upload,
    );
    // A retry answered from its key: the body was not read, so the connection cannot be reused.
    if (!read) res.setHeader('connection', 'close');
    sendJson(res, 201, answer);
    return true;
  };
}
