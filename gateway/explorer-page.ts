/**
 * A self-contained page for trying queries in a browser (no CDN: it must work offline). It posts
 * to /graphql with the optional Virkningstid, Registreringstid and Authorization headers.
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
  <label>Virkningstid <input id="virkningstid" placeholder="2020-01-01T00:00:00Z"></label>
  <label>Registreringstid <input id="registreringstid" placeholder="(now)"></label>
  <label>Authorization <input id="authorization" placeholder="Bearer …" size="40"></label>
  <button id="run">Run</button>
</div>
<pre id="result"></pre>
<script>
  document.getElementById('run').addEventListener('click', async () => {
    const headers = { 'content-type': 'application/json' };
    for (const name of ['virkningstid', 'registreringstid', 'authorization']) {
      const value = document.getElementById(name).value.trim();
      if (value) headers[name] = value;
    }
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
