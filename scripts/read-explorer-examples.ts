import type { ExplorerExample } from '../gateway/explorer/explorer-config';
import { readExamples } from '../test/read-examples';

/** The example operations of examples/, as the explorer page offers them. */
export function readExplorerExamples(): ExplorerExample[] {
  return [...readExamples().values()].map((example) => ({
    name: example.name,
    query: example.source,
    variables: JSON.stringify(example.variables, null, 2),
    profile: example.profile,
    headers: example.headers,
  }));
}
