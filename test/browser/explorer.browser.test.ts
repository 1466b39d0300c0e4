import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildExplorerBundle } from '../../gateway/explorer/build-explorer-bundle';
import { getTestIssuer } from '../../subgraphs/kit/auth/testing/create-test-issuer';
import { createDevIssuerServer } from '../../scripts/dev-issuer/create-dev-issuer-server';
import { createDevTokenEndpoint } from '../../scripts/dev-issuer/create-dev-token-endpoint';
import { readExplorerExamples } from '../../scripts/read-explorer-examples';
import { startGraph, type StartedGraph } from '../start-graph';
import { launchChromium, type LaunchedChromium } from './launch-chromium';

/** The part of CodeMirror 5's editor (which GraphiQL's editor element carries) the test uses. */
interface CodeMirrorEditor {
  setValue(value: string): void;
  focus(): void;
}

/** Screenshots are kept here for people to look at (gitignored). */
const ARTIFACTS_DIR = join(__dirname, '..', '..', 'test-artifacts');

/** Generous: two shared cores, a cold browser and a 1 MB bundle. */
const UI_TIMEOUT_MS = 30_000;

jest.setTimeout(180_000);

describe('the explorer page in Chromium', () => {
  let graph: StartedGraph;
  let issuerServer: Server;
  let chromium: LaunchedChromium;
  let page: Page;
  let bundleDir: string;
  const allowedOrigins: string[] = [];
  const failedRequests: string[] = [];

  beforeAll(async () => {
    bundleDir = mkdtempSync(join(tmpdir(), 'explorer-bundle-'));
    await buildExplorerBundle({ outDir: bundleDir, examples: readExplorerExamples() });
    const issuer = await getTestIssuer();
    issuerServer = createDevIssuerServer({
      issuer: issuer.issuer,
      jwks: issuer.jwks,
      tokens: createDevTokenEndpoint(issuer, allowedOrigins),
    });
    await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
    const issuerOrigin = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
    graph = await startGraph({
      explorer: { assetsDir: bundleDir, tokenUrl: `${issuerOrigin}/token` },
    });
    allowedOrigins.push(new URL(graph.url).origin);
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failedRequests.push(`failed ${request.url()}`));
    page.setDefaultTimeout(UI_TIMEOUT_MS);
  });

  // The page as each test left it, for looking into a failure.
  afterEach(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-');
    await page?.screenshot({ path: join(ARTIFACTS_DIR, `${name.slice(0, 80)}.png`) });
  });

  afterAll(async () => {
    await chromium?.close();
    await graph?.stop();
    await new Promise<void>((resolve) => issuerServer?.close(() => resolve()) ?? resolve());
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('runs the case worker example with a token for the chosen profile and shows the data', async () => {
    await page.goto(new URL('/', graph.url).href);
    await page.locator('#explorer-profile option[value="sagsbehandler"]').waitFor({
      state: 'attached',
    });
    await page.selectOption('#explorer-profile', 'sagsbehandler');
    await page.getByRole('status').getByText('Signed in as sagsbehandler.').waitFor();
    await page.selectOption('#explorer-example', 'sagsbehandler-sag');
    await page.locator('.graphiql-query-editor').getByText('query Sag').waitFor();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('"sagsnummer"').waitFor();
    const text = await result.innerText();
    expect(text).toContain('"data"');
    expect(text).not.toContain('"errors"');
    // The schema was read with the token: the docs explorer shows the descriptions.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('sager', { exact: true }).first().waitFor();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'explorer.png') });
    // The favicon and the bundle answer; nothing was refused or unreachable.
    expect(failedRequests).toEqual([]);
  });

  it('keeps the token over a reload and sends the Virkningstid set on the page', async () => {
    await page.reload();
    await expect(page.inputValue('#explorer-token')).resolves.not.toBe('');
    await expect(page.inputValue('#explorer-profile')).resolves.toBe('sagsbehandler');
    await page.selectOption('#explorer-example', 'sagsbehandler-sag-paa-dato');
    await expect(page.inputValue('#explorer-virkningstid')).resolves.toBe('2025-01-10T12:00:00Z');
    graph.resetCounts();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"data"').waitFor();
    const virkningstider = graph.fetches.map((fetch) => fetch.headers.virkningstid);
    expect(virkningstider.length).toBeGreaterThan(0);
    expect(new Set(virkningstider)).toEqual(new Set(['2025-01-10T12:00:00.000Z']));
  });

  it('completes field names from the schema, runs on Ctrl+Enter and says so when the gateway does not answer', async () => {
    await page.locator('.graphiql-tab-add').click();
    // The new tab shows its starting text once it is ready; only then is the editor emptied
    // (through CodeMirror itself, so a slow machine cannot drop a key press) and focused.
    const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await editor.getByText('Choose an example above').waitFor();
    await editor.evaluate((element: unknown) => {
      const codeMirror = (element as { CodeMirror: CodeMirrorEditor }).CodeMirror;
      codeMirror.setValue('');
      codeMirror.focus();
    });
    await page.keyboard.type('{ sage');
    const hints = page.locator('.CodeMirror-hints');
    await hints.getByText('sager', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.type('r { totalCount } }');
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    try {
      await page.keyboard.press('Control+Enter');
      await page.locator('.result-window').getByText('The gateway did not answer').waitFor();
    } finally {
      await page.unroute('**/graphql');
    }
    failedRequests.length = 0;
    await page.keyboard.press('Control+Enter');
    await page.locator('.result-window').getByText('"totalCount"').waitFor();
    expect(failedRequests).toEqual([]);
  });
});
