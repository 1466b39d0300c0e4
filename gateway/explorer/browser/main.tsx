import 'graphiql/style.css';
import './explorer.css';
import { createRoot } from 'react-dom/client';
import {
  EXPLORER_CONFIG_ELEMENT_ID,
  type ExplorerExample,
  type ExplorerPageConfig,
} from '../explorer-config';
import { ExplorerApp } from './explorer-app';

/** Put in at bundle time from examples/ (build-explorer-bundle.ts). */
declare const EXPLORER_EXAMPLES: ExplorerExample[];

const configText = document.getElementById(EXPLORER_CONFIG_ELEMENT_ID)?.textContent ?? '{}';
const config = JSON.parse(configText) as ExplorerPageConfig;
const root = document.getElementById('root');
if (root) createRoot(root).render(<ExplorerApp config={config} examples={EXPLORER_EXAMPLES} />);
