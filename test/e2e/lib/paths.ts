import { join, resolve } from 'path';

/**
 * The n8n release these runs prove the package against (2.41.3 does not resolve on this registry).
 * E2E_N8N_VERSION runs the suite against another release, each in its own cache folder.
 */
export const N8N_VERSION = process.env.E2E_N8N_VERSION ?? '2.41.1';
/**
 * n8n 2.x refuses to start on Node older than 24. n8n 1.123 accepts 20.19 to 24, but its default expression
 * engine (vm) loads isolated-vm 6.2, which needs Node 22 or later and ships binaries for 22 and 24 only;
 * on Node 20 its commands stop with "Could not initialize the vm expression engine". So 1.x runs on 22.
 * E2E_NODE_MAJOR overrides.
 */
export const NODE_MAJOR = Number(process.env.E2E_NODE_MAJOR ?? (N8N_VERSION.startsWith('1.') ? 22 : 24));
export const PACKAGE_NAME = 'n8n-nodes-batch-jobs';

export const ROOT = resolve(__dirname, '..', '..', '..');
/** Git-ignored: n8n, its Node and the browser driver live here between runs. */
export const CACHE = join(ROOT, '.cache');
export const NODE_DIR = join(CACHE, `node${NODE_MAJOR}`);
export const N8N_DIR = join(CACHE, `n8n-${N8N_VERSION}`);
export const TOOLS_DIR = join(CACHE, 'tools');
export const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
export const EXAMPLES = join(ROOT, 'examples');
