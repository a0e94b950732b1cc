import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { exec, execOk, npmEnv } from '../lib/exec';
import { TOOLS_DIR } from '../lib/paths';

/** The version the browser test was written against; Debian's chromium 156 speaks its protocol. */
export const PLAYWRIGHT_VERSION = '1.65.1';
export const CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium tries Google's hosts at every start, and this
// machine's closed network refuses each one.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/* The slice of Playwright's API this test uses, typed here so the project's type check does not need
 * playwright-core installed: it lives in .cache/tools, where this file installs it. */
export interface Locator {
	click(options?: { timeout?: number }): Promise<void>;
	dblclick(options?: { timeout?: number }): Promise<void>;
	count(): Promise<number>;
	first(): Locator;
	locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
	filter(options: { hasText?: string | RegExp }): Locator;
	getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
	waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
	isVisible(): Promise<boolean>;
	innerText(): Promise<string>;
	evaluateAll<R>(fn: (elements: HTMLElement[]) => R): Promise<R>;
}

export interface Page extends Pick<Locator, 'locator' | 'getByText'> {
	goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' }): Promise<unknown>;
	fill(selector: string, value: string): Promise<void>;
	click(selector: string, options?: { timeout?: number }): Promise<void>;
	waitForURL(url: string | RegExp, options?: { timeout?: number }): Promise<void>;
	waitForTimeout(ms: number): Promise<void>;
	screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
	evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
	keyboard: { type(text: string): Promise<void>; press(key: string): Promise<void> };
	on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
	on(event: 'pageerror', listener: (error: Error) => void): void;
	close(): Promise<void>;
}

interface Route {
	request(): { url(): string };
	continue(): Promise<void>;
	abort(): Promise<void>;
}

export interface BrowserContext {
	newPage(): Promise<Page>;
	route(url: string, handler: (route: Route) => Promise<void>): Promise<void>;
	close(): Promise<void>;
}

export interface Browser {
	newContext(options: { viewport: { width: number; height: number } }): Promise<BrowserContext>;
	close(): Promise<void>;
}

interface PlaywrightCore {
	chromium: { launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<Browser> };
}

/** Debian's chromium, installed with apt-get when missing (CI runs as root on a fresh machine). */
async function ensureChromium(): Promise<void> {
	if (existsSync(CHROMIUM)) return;
	await execOk('apt-get', ['update'], { timeoutMs: 10 * 60_000 });
	await execOk('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 20 * 60_000 });
}

/** playwright-core into .cache/tools, so the project's dependencies stay as they are. */
async function loadPlaywright(): Promise<PlaywrightCore> {
	const entry = join(TOOLS_DIR, 'node_modules', 'playwright-core');
	const installed = existsSync(join(entry, 'package.json')) && (await exec(process.execPath, ['-p', `require(${JSON.stringify(join(entry, 'package.json'))}).version`])).stdout.trim() === PLAYWRIGHT_VERSION;
	if (!installed) {
		mkdirSync(TOOLS_DIR, { recursive: true });
		if (!existsSync(join(TOOLS_DIR, 'package.json'))) writeFileSync(join(TOOLS_DIR, 'package.json'), JSON.stringify({ name: 'e2e-tools', private: true }, null, 2));
		// The package needs no browser download of its own: it drives Debian's chromium.
		await execOk('npm', ['install', `playwright-core@${PLAYWRIGHT_VERSION}`, '--no-audit', '--no-fund'], { cwd: TOOLS_DIR, env: npmEnv(), timeoutMs: 5 * 60_000 });
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(entry) as PlaywrightCore;
}

export async function launchChromium(): Promise<Browser> {
	await ensureChromium();
	const playwright = await loadPlaywright();
	return await playwright.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A browser context that only reaches 127.0.0.1: anything else the editor asks for is refused in the
 * browser and listed, so the test never sends traffic off this machine.
 */
export async function loopbackContext(browser: Browser, refused: string[]): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.route('**/*', async (route) => {
		const url = new URL(route.request().url());
		if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:') return await route.continue();
		refused.push(url.href);
		await route.abort();
	});
	return context;
}
