// Typed documents for the example operations (`npm run codegen`; `npm run codegen -- --check`
// fails when the committed output is stale). The schema is the API schema the gateway serves,
// written to docs/schema.graphql by `npm run docs:schema`.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'docs/schema.graphql',
  documents: ['examples/*.graphql', 'examples/client/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'examples/client/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};

export default config;
