import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '../../subgraphs/kit/logger';
import { EXPLORER_NOT_BUILT_PAGE, renderExplorerPage } from '../explorer-page';
import { DEFAULT_EXPLORER_DIR, EXPLORER_ASSETS } from './explorer-assets';
import { FAVICON_SVG } from './favicon';

export interface ExplorerOptions {
  /** The folder `npm run build:explorer` wrote. @default DEFAULT_EXPLORER_DIR (dist/explorer) */
  assetsDir?: string;
  /** The development issuer's token endpoint, for the page's profile choice (development only). */
  tokenUrl?: string;
}

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

function toAsset(body: string | Buffer, type: string): Asset {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return { body: bytes, type, etag };
}

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: Asset, headers = {}): void {
  const common = { etag: asset.etag, 'cache-control': 'no-cache', ...headers };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...common,
    'content-type': asset.type,
    'content-length': asset.body.length,
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : asset.body);
}

/** What the page may load and call: itself, and the development issuer for tokens. */
function getContentSecurityPolicy(tokenUrl: string | undefined): string {
  const connect = ["'self'", ...(tokenUrl ? [new URL(tokenUrl).origin] : [])].join(' ');
  return [
    "default-src 'self'",
    `connect-src ${connect}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    // GraphiQL sets style attributes (panes, tooltips).
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function readAsset(dir: string, file: string, type: string): Asset | null {
  try {
    return toAsset(readFileSync(join(dir, file)), type);
  } catch {
    return null;
  }
}

/**
 * The public routes of the browser side: `/favicon.ico` always, and with `options` the explorer
 * page (`GET /`) and its bundle (`/explorer/explorer.js`, `/explorer/explorer.css`), read once
 * here. Returns a handler that answers those paths and returns false for every other.
 */
export function createExplorerRoutes(
  options: ExplorerOptions | undefined,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse, path: string) => boolean {
  const favicon = toAsset(FAVICON_SVG, 'image/svg+xml');
  const files = new Map<string, Asset>();
  let page: Asset | null = null;
  if (options) {
    const dir = options.assetsDir ?? DEFAULT_EXPLORER_DIR;
    const script = readAsset(dir, EXPLORER_ASSETS.script, 'text/javascript; charset=utf-8');
    const style = readAsset(dir, EXPLORER_ASSETS.style, 'text/css; charset=utf-8');
    if (script && style) {
      files.set(`/explorer/${EXPLORER_ASSETS.script}`, script);
      files.set(`/explorer/${EXPLORER_ASSETS.style}`, style);
      page = toAsset(
        renderExplorerPage({
          endpoint: '/graphql',
          schemaUrl: '/schema.graphql',
          tokenUrl: options.tokenUrl,
        }),
        'text/html; charset=utf-8',
      );
    } else {
      logger.warn({ dir }, 'explorer bundle missing: run npm run build:explorer');
      page = toAsset(EXPLORER_NOT_BUILT_PAGE, 'text/html; charset=utf-8');
    }
  }
  const policy = getContentSecurityPolicy(options?.tokenUrl);
  return (req, res, path) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === '/favicon.ico') {
      sendAsset(req, res, favicon);
      return true;
    }
    if (path === '/' && page) {
      sendAsset(req, res, page, { 'content-security-policy': policy });
      return true;
    }
    const file = files.get(path);
    if (!file) return false;
    sendAsset(req, res, file);
    return true;
  };
}
