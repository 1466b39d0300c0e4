// Bundles the gateway's explorer page (GraphiQL and the example operations) into dist/explorer/.
//   npm run build:explorer
import { buildExplorerBundle } from '../gateway/explorer/build-explorer-bundle';
import { readExplorerExamples } from './read-explorer-examples';

buildExplorerBundle({ examples: readExplorerExamples() }).then(
  (dir) => console.log(`Explorer bundled in ${dir}`),
  (error: unknown) => {
    console.error(`Explorer not bundled: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
