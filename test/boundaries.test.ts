import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';

const ROOT = join(__dirname, '..');
// The project's own lint configuration, as `npm run lint` reads it (ESLint's loader imports it
// dynamically, which jest's module system does not allow).
const config = createRequire(__filename)('../eslint.config.js') as Linter.Config[];

/** The boundary messages the project's lint configuration gives `code` written at `file`. */
async function lintAt(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'kommunegraf/enforce-boundaries')
    .map((message) => message.message);
}

describe('the boundaries npm run lint enforces', () => {
  it('refuses a subgraph importing another subgraph', async () => {
    const messages = await lintAt(
      'subgraphs/sag/data/find-something.ts',
      "import { SEED_IDS } from '../../organisation/seed/seed-ids';\nexport const ids = SEED_IDS;\n",
    );
    expect(messages).toEqual([
      'The sag subgraph must not import the organisation subgraph: subgraphs meet only through the SDL.',
    ]);
  });

  it("tells a subgraph's own folder from the subgraph of the same name", async () => {
    const messages = await lintAt(
      'subgraphs/sag/data/find-something.ts',
      "import { createHttpKleLookup } from '../klassifikation/create-http-kle-lookup';\nexport const f = createHttpKleLookup;\n",
    );
    expect(messages).toEqual([]);
  });

  it('refuses MongoDB or GraphQL in a domain folder, and allows plain code there', async () => {
    const code = "import { MongoClient } from 'mongodb';\nexport const c = MongoClient;\n";
    expect(await lintAt('subgraphs/sag/sag/some-rule.ts', code)).toEqual([
      'Domain code must not import mongodb: keep GraphQL in resolvers and the database in store code.',
    ]);
    expect(
      await lintAt(
        'subgraphs/organisation/organisation/some-rule.ts',
        "import { GraphQLError } from 'graphql';\nexport const e = GraphQLError;\n",
      ),
    ).toHaveLength(1);
    expect(
      await lintAt(
        'subgraphs/sag/sag/some-rule.ts',
        "import { VersionConflictError } from '../../kit/domain-error';\nexport const e = VersionConflictError;\n",
      ),
    ).toEqual([]);
  });

  it('refuses GraphQL in store code and a subgraph in the gateway', async () => {
    expect(
      await lintAt(
        'subgraphs/kit/store/some-store.ts',
        "import { GraphQLError } from 'graphql';\nexport const e = GraphQLError;\n",
      ),
    ).toEqual(['Store code must not import graphql.']);
    expect(
      await lintAt(
        'gateway/some-route.ts',
        "import { createSagServer } from '../subgraphs/sag/server';\nexport const s = createSagServer;\n",
      ),
    ).toEqual(['The gateway must not import the sag subgraph: it meets subgraphs only over HTTP.']);
  });
});
