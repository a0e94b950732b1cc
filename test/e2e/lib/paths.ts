import { join, resolve } from 'path';

/** The n8n release these runs prove the package against; 2.41.3 does not resolve on this registry. */
export const N8N_VERSION = '2.41.1';
/** n8n 2.x refuses to start on anything older. */
export const NODE_MAJOR = 24;
export const PACKAGE_NAME = 'n8n-nodes-batch-jobs';

export const ROOT = resolve(__dirname, '..', '..', '..');
/** Git-ignored: n8n, Node 24 and the browser driver live here between runs. */
export const CACHE = join(ROOT, '.cache');
export const NODE24_DIR = join(CACHE, `node${NODE_MAJOR}`);
export const N8N_DIR = join(CACHE, `n8n-${N8N_VERSION}`);
export const TOOLS_DIR = join(CACHE, 'tools');
export const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
export const EXAMPLES = join(ROOT, 'examples');
