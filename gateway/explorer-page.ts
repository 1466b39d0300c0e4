/**
 * A self-contained page for trying queries in a browser (no CDN: it must work offline). It posts
 * to /graphql with the optional Virkningstid and Registreringstid headers and, from the pasted
 * bearer token, `Authorization: Bearer <token>`. The page itself needs no token; the token stays
 * in the page (never stored), so closing the tab forgets it.
 */
export const EXPLORER_PAGE = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Kommunegraf</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 1.5rem; display: grid; gap: .75rem; max-width: 72rem; }
  textarea, pre { font: 13px ui-monospace, monospace; width: 100%; box-sizing: border-box; }
  textarea { height: 16rem; }
  pre { background: #f4f4f4; padding: .75rem; min-height: 10rem; overflow: auto; }
  label { display: inline-flex; gap: .4rem; align-items: center; margin-right: 1rem; }
  #token { font: 12px ui-monospace, monospace; width: 100%; box-sizing: border-box; height: 3.5rem; }
</style>
</head>
<body>
<h1>Kommunegraf</h1>
<p>One GraphQL endpoint over Organisation, Klassifikation and the other support systems. Endpoint: <code>/graphql</code>.</p>
<textarea id="query">{
  organisationer(first: 5) {
    totalCount
    nodes {
      navn
      kommunekode
      enheder(first: 5) { nodes { navn kle { aspekt klasse { brugervendtNoegle titel } } } }
    }
  }
}</textarea>
<div>
  <label for="token">Bearer token (sent as the Authorization header)</label>
  <textarea id="token" placeholder="eyJhbGciOi…" autocomplete="off" spellcheck="false"></textarea>
</div>
<div>
  <label>Virkningstid <input id="virkningstid" placeholder="2020-01-01T00:00:00Z"></label>
  <label>Registreringstid <input id="registreringstid" placeholder="(now)"></label>
  <button id="run">Run</button>
</div>
<pre id="result"></pre>
<script>
  document.getElementById('run').addEventListener('click', async () => {
    const headers = { 'content-type': 'application/json' };
    for (const name of ['virkningstid', 'registreringstid']) {
      const value = document.getElementById(name).value.trim();
      if (value) headers[name] = value;
    }
    // A pasted token may come with its scheme, and with line breaks from a terminal.
    const token = document
      .getElementById('token')
      .value.trim()
      .replace(/^Bearer\\s+/i, '')
      .replace(/\\s+/g, '');
    if (token) headers.authorization = 'Bearer ' + token;
    const result = document.getElementById('result');
    result.textContent = '…';
    const response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.getElementById('query').value }),
    });
    result.textContent = JSON.stringify(await response.json(), null, 2);
  });
</script>
</body>
</html>
`;
