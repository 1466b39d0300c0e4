import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDevProfileClaims } from '../scripts/dev-issuer/dev-profiles';
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

const documents = readDocuments();
const examples = [...readExamples().values()];

describe('the documentation', () => {
  it.each(
    documents.flatMap(({ file, text }) => getCodeBlocks(text, 'graphql').map((b) => [file, b])),
  )('prints in %s only queries that are example files run by tests: %s', (_file, block) => {
    const printed = normalizeOperation(block);
    expect(examples.map((example) => normalizeOperation(example.source))).toContain(printed);
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
