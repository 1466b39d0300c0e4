import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ContentStore } from '../../kit/content/content-store';
import type { RequestContext, RouteHandler } from '../../kit/create-subgraph-server';
import { DomainError, NotFoundError } from '../../kit/domain-error';
import { isUuid } from '../../kit/ids';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import type { DokumentAccess } from '../access/create-dokument-access';
import { selectReadableDokumenter } from '../access/select-readable-dokumenter';
import { DOKUMENT_STORE_TYPE, type DokumentData } from '../dokument/dokument-data';
import { buildContentDisposition } from './build-content-disposition';
import { parseIndholdPath } from './get-indhold-url';

const notFound = (): NotFoundError =>
  new NotFoundError('INDHOLD_NOT_FOUND', 'No such document part at the requested point in time');

/**
 * `GET /dokumenter/{dokument}/dele/{del}/indhold`: streams the content of a part of a document
 * as visible at the request's point in time. Unknown and malformed ids, and documents the caller
 * may not read, answer the same 404. A download is a read (LAES) in the access log, written
 * before the first byte is sent.
 */
export function createDownloadIndholdRoute(deps: {
  store: BitemporalStore;
  contentStore: ContentStore;
  /** The caller's access, built for this request. */
  getAccess: (context: RequestContext) => DokumentAccess;
}): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse, context: RequestContext) => {
    const ids = parseIndholdPath(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (ids === null) return false;
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      throw new DomainError('METHOD_NOT_ALLOWED', 'Use GET', { status: 405 });
    }
    if (!isUuid(ids.dokument) || !isUuid(ids.del)) throw notFound();
    const found = await deps.store.findByIds<DokumentData>(
      DOKUMENT_STORE_TYPE,
      [ids.dokument.toLowerCase()],
      context.at,
    );
    // The part is looked up only after the policy: a part id never tells whether a hidden
    // document exists. A refused download is logged (AFVIST) like any other refused read.
    const [dokument] = await selectReadableDokumenter(deps.getAccess(context), found);
    const del = dokument?.data.varianter
      .flatMap((variant) => variant.dele)
      .find((candidate) => candidate.uuid === ids.del.toLowerCase());
    if (!del) throw notFound();
    const content = await deps.contentStore.open(del.indholdId);
    if (content === null) {
      context.logger.error({ dokument: dokument?.uuid, del: del.uuid }, 'content missing');
      throw notFound();
    }
    res.writeHead(200, {
      'content-type': del.mimetype,
      'content-length': content.size,
      etag: `"${content.sha256}"`,
      'content-disposition': buildContentDisposition(del.navn),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    await pipeline(content.stream, res);
    return true;
  };
}
