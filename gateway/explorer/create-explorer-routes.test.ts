import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../subgraphs/kit/logger';
import { createExplorerRoutes, type ExplorerOptions } from './create-explorer-routes';

const logger = createLogger({ name: 'test', level: 'silent' });

/** The routes on a socket; anything they do not answer gets 418, so passing on is visible. */
async function serve(
  options: ExplorerOptions | undefined,
): Promise<{ base: string; server: Server }> {
  const handle = createExplorerRoutes(options, logger);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!handle(req, res, path)) {
      res.writeHead(418);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the explorer routes', () => {
  let dir: string;
  const servers: Server[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'explorer-assets-'));
    writeFileSync(join(dir, 'explorer.js'), 'console.log("bundle")');
    writeFileSync(join(dir, 'explorer.css'), 'body{}');
  });

  afterAll(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (options: ExplorerOptions | undefined): Promise<string> => {
    const { base, server } = await serve(options);
    servers.push(server);
    return base;
  };

  it('serves the page with its configuration and a policy that lets it reach only the gateway and the issuer', async () => {
    const base = await start({ assetsDir: dir, tokenUrl: 'http://127.0.0.1:4090/token' });
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/explorer/explorer.js"></script>');
    expect(html).toContain('"tokenUrl":"http://127.0.0.1:4090/token"');
    expect(html).toContain('"schemaUrl":"/schema.graphql"');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:4090;");
    expect(policy).toContain("script-src 'self'");
  });

  it('serves the bundle with validators, and 304 when unchanged', async () => {
    const base = await start({ assetsDir: dir });
    const script = await fetch(`${base}/explorer/explorer.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("bundle")');
    const etag = script.headers.get('etag') ?? '';
    const again = await fetch(`${base}/explorer/explorer.js`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${base}/explorer/explorer.css`)).status).toBe(200);
  });

  it('says how to build the bundle when it is missing', async () => {
    const base = await start({ assetsDir: join(dir, 'missing') });
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('npm run build:explorer');
    expect((await fetch(`${base}/explorer/explorer.js`)).status).toBe(418);
  });

  it('serves only the favicon when the explorer is off, and passes everything else on', async () => {
    const base = await start(undefined);
    const icon = await fetch(`${base}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(await icon.text()).toMatch(/^<svg /);
    expect((await fetch(`${base}/`)).status).toBe(418);
    expect((await fetch(`${base}/explorer/explorer.js`)).status).toBe(418);
    expect((await fetch(`${base}/favicon.ico`, { method: 'POST' })).status).toBe(418);
  });
});
