import { EXPLORER_CONFIG_ELEMENT_ID, type ExplorerPageConfig } from './explorer/explorer-config';

/** JSON that can sit inside a `<script>` element: no `</script>` or comment opener survives. */
function printScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The explorer page: GraphiQL from the bundle under /explorer/ (built from npm packages by
 * `npm run build:explorer`; no CDN, so it works offline), configured by the JSON in the page.
 * The page itself needs no token; the token the page gets or is given stays in the tab's
 * sessionStorage.
 */
export function renderExplorerPage(config: ExplorerPageConfig): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kommunegraf</title>
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<link rel="stylesheet" href="/explorer/explorer.css">
<script id="${EXPLORER_CONFIG_ELEMENT_ID}" type="application/json">${printScriptJson(config)}</script>
</head>
<body>
<div id="root"></div>
<script src="/explorer/explorer.js"></script>
</body>
</html>
`;
}

/** Answered at / when the explorer is switched on but its bundle was not built. */
export const EXPLORER_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Kommunegraf</title><link rel="icon" href="/favicon.ico" type="image/svg+xml"></head>
<body>
<h1>Kommunegraf</h1>
<p>The GraphQL endpoint is <code>/graphql</code>. The explorer page is not built: run
<code>npm run build:explorer</code> and restart the gateway.</p>
</body>
</html>
`;
