import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getDevProfileClaims } from '../scripts/dev-issuer/dev-profiles';
import { runTokenCommand } from '../scripts/dev-issuer/run-token-command';
import { normalizeOperation, readExamples } from './read-examples';
import { startGraph, type StartedGraph } from './start-graph';

const ROOT = join(__dirname, '..');

/** README.md and every Markdown file under docs/. */
function readDocuments(): { file: string; text: string }[] {
  const docs = join(ROOT, 'docs');
  const files = [
    'README.md',
    ...(existsSync(docs)
      ? readdirSync(docs, { recursive: true })
          .map(String)
          .filter((file) => file.endsWith('.md'))
          .map((file) => join('docs', file))
      : []),
  ];
  return files.map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
}

function getCodeBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    (match) => match[1] ?? '',
  );
}

/** One curl call to the gateway's /graphql in a shell block: its headers and its JSON body. */
interface CurlQuery {
  command: string;
  headers: Record<string, string>;
  query: string;
}

function getCurlQueries(text: string): CurlQuery[] {
  return getCodeBlocks(text, 'sh')
    .flatMap((block) => block.replace(/\\\n\s*/g, ' ').split('\n'))
    .filter((line) => /^curl .*\/graphql /.test(line) && line.includes(' -d '))
    .map((command) => {
      const headers: Record<string, string> = {};
      for (const match of command.matchAll(/-H ['"]([^'"]+)['"]/g)) {
        const header = match[1] ?? '';
        const name = header.slice(0, header.indexOf(':')).trim();
        if (/^(authorization|content-type)$/i.test(name)) continue;
        headers[name] = header.slice(header.indexOf(':') + 1).trim();
      }
      const body = /-d '([^']+)'/.exec(command)?.[1] ?? '';
      const { query } = JSON.parse(body) as { query: string };
      return { command, headers, query };
    });
}

/** The lines of a document's shell blocks, continuations joined, comments and blanks left out. */
function getShellCommands(text: string): string[] {
  return getCodeBlocks(text, 'sh')
    .flatMap((block) => block.replace(/\\\n\s*/g, ' ').split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** `TOKEN=$(npm run --silent token -- <profile>)`: a token line, checked by signing one. */
const TOKEN_LINE = /^TOKEN=\$\(npm run --silent token -- ([a-z]+)\)$/;
/** `curl … /schema.graphql -H "Authorization: Bearer $TOKEN"`: run against the seeded graph. */
const SCHEMA_CURL = /^curl -s \S+\/schema\.graphql -H "Authorization: Bearer \$TOKEN"$/;

const documents = readDocuments();
const examples = [...readExamples().values()];

describe('the documentation', () => {
  it.each(
    documents.flatMap(({ file, text }) => getCodeBlocks(text, 'graphql').map((b) => [file, b])),
  )('prints in %s only queries that are example files run by tests: %s', (_file, block) => {
    const printed = normalizeOperation(block);
    expect(examples.map((example) => normalizeOperation(example.source))).toContain(printed);
  });

  describe('commands in docs/', () => {
    const ciScript = readFileSync(join(ROOT, '.ci', 'run'), 'utf8').split('\n');
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
    );
    const pages = documents.filter(({ file }) => file.startsWith('docs'));
    const commands = pages.flatMap(({ file, text }) =>
      getShellCommands(text).map((command) => [file, command]),
    );

    it.each(commands)('in %s are run by a test or by CI: %s', (_file, command) => {
      const checked =
        /^curl .*\/graphql /.test(command) ||
        SCHEMA_CURL.test(command) ||
        TOKEN_LINE.test(command) ||
        ciScript.includes(command);
      expect(checked).toBe(true);
    });

    it.each(documents.map(({ file, text }) => [file, text]))(
      'name in %s only npm scripts that exist',
      (_file, text) => {
        const named = [...text.matchAll(/npm run (?:--silent )?([a-z][\w:-]*)/g)].map((m) => m[1]);
        for (const name of named) expect(scripts).toContain(name);
      },
    );

    it.each(pages.map(({ file, text }) => [file, text]))(
      'link in %s only to files that exist',
      (file, text) => {
        const links = [...text.matchAll(/\]\(([^)#:]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? '');
        for (const link of links)
          expect([link, existsSync(join(ROOT, dirname(file), link))]).toEqual([link, true]);
      },
    );

    it.each(commands.flatMap(([, command]) => TOKEN_LINE.exec(command ?? '')?.slice(1, 2) ?? []))(
      'sign a token for the profile %s',
      async (profile) => {
        const storeDir = mkdtempSync(join(tmpdir(), 'doc-token-'));
        const stdout: string[] = [];
        try {
          const code = await runTokenCommand([profile], {
            storeDir,
            stdout: (line) => stdout.push(line),
            stderr: () => undefined,
          });
          expect(code).toBe(0);
          expect(stdout.at(-1)).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
        } finally {
          rmSync(storeDir, { recursive: true, force: true });
        }
      },
    );
  });

  describe('curl commands against the seeded graph', () => {
    let graph: StartedGraph;
    let token: string;
    beforeAll(async () => {
      graph = await startGraph();
      token = await graph.sign(getDevProfileClaims('sagsbehandler'));
    });
    afterAll(() => graph.stop());

    const queries = documents.flatMap(({ text }) => getCurlQueries(text));

    it('are found', () => {
      expect(queries.length).toBeGreaterThanOrEqual(3);
    });

    const schemaCurls = documents.flatMap(({ text }) =>
      getShellCommands(text).filter((command) => SCHEMA_CURL.test(command)),
    );

    it.each(schemaCurls)('answer the schema: %s', async () => {
      const response = await fetch(new URL('/schema.graphql', graph.url), {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/^type Query \{$/m);
    });

    it.each(queries.map((query) => [query.command, query]))(
      'answer data without errors: %s',
      async (_command, curl) => {
        const { status, body } = await graph.query(curl.query, { token, headers: curl.headers });
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect(Object.values(body.data ?? {}).every((value) => value !== null)).toBe(true);
      },
    );
  });
});
