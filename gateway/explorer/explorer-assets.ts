import { join } from 'node:path';

/** The files of the explorer bundle, served under /explorer/. */
export const EXPLORER_ASSETS = {
  script: 'explorer.js',
  style: 'explorer.css',
} as const;

/** Where `npm run build:explorer` writes the bundle and the gateway looks for it. */
export const DEFAULT_EXPLORER_DIR = join(__dirname, '..', '..', 'dist', 'explorer');
