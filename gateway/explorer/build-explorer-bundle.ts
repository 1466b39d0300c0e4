import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { DEFAULT_EXPLORER_DIR } from './explorer-assets';
import type { ExplorerExample } from './explorer-config';

export interface BuildExplorerOptions {
  /** @default DEFAULT_EXPLORER_DIR */
  outDir?: string;
  /** The example operations the page offers. */
  examples: ExplorerExample[];
}

/**
 * Bundles the explorer page's script and stylesheet (GraphiQL, React and the page's own code,
 * all from node_modules) into `outDir`, with the examples inside: nothing is fetched at run time.
 * Only the build needs esbuild; the gateway only reads the files.
 */
export async function buildExplorerBundle(options: BuildExplorerOptions): Promise<string> {
  const outDir = options.outDir ?? DEFAULT_EXPLORER_DIR;
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { explorer: join(__dirname, 'browser', 'main.tsx') },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    tsconfig: join(__dirname, 'browser', 'tsconfig.json'),
    define: {
      'process.env.NODE_ENV': '"production"',
      EXPLORER_EXAMPLES: JSON.stringify(options.examples),
    },
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  return outDir;
}
