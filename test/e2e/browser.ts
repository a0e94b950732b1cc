/**
 * The browser test: `n8n start` on 127.0.0.1 with the package installed, the owner set up, and Debian's
 * chromium driven by playwright-core (both installed by browser/playwright.ts when missing). For each
 * vendor's node: found by name in the node picker with its icon, its parameters panel opened with the
 * simulator's credential selected, and that credential's Test button pressed, which must succeed. Then
 * one example runs from the editor. Screenshots land in test/e2e/screenshots/ (git-ignored).
 * Run on its own with `npx tsx test/e2e/browser.ts`; `npm run test:e2e` runs it after the CLI runs.
 */
import { mkdirSync, readdirSync, rmSync } from 'fs';
import { join } from 'path';

import { COULD_NOT_CONNECT, iconProblems, ids, itemCount, restGet, signIn } from './browser/editor';
import { launchChromium, loopbackContext, type BrowserContext, type Page } from './browser/playwright';
import { loadedTypeProblems } from './browser/types-check';
import type { Example } from './lib/examples';
import type { Instance } from './lib/instance';
import { OWNER, type N8nServer } from './lib/n8n';
import { PACKAGE_NAME, SCREENSHOTS } from './lib/paths';
import { freePort } from './lib/ports';
import { messageOf, Results } from './lib/results';
import { runSuite } from './lib/suite';
import { vendors, type E2eVendor } from './vendors';

const shot = (name: string) => join(SCREENSHOTS, `${name}.png`);

async function attempt(page: Page, name: string, work: () => Promise<string[]>): Promise<string[]> {
	try {
		return await work();
	} catch (error) {
		return [messageOf(error).split('\n')[0]];
	} finally {
		await page.screenshot({ path: shot(name) }).catch(() => undefined);
	}
}

/** Node picker → the node's actions → its parameters panel → its credential's form and Test button. */
async function nodeChecks(context: BrowserContext, url: string, vendor: E2eVendor, results: Results): Promise<void> {
	const page = await context.newPage();
	const label = (what: string) => `browser: ${vendor.nodeDisplayName} ${what}`;
	try {
		await page.goto(`${url}/workflow/new`);
		await page.locator(ids.canvas).waitFor({ timeout: 30_000 });

		const found = await attempt(page, `${vendor.vendor}-1-picker`, async () => {
			await page.click(ids.openPicker);
			await page.locator(ids.pickerSearch).waitFor();
			await page.keyboard.type(vendor.nodeDisplayName);
			const item = page.locator(ids.pickerItem).filter({ hasText: vendor.nodeDisplayName }).first();
			await item.waitFor({ timeout: 10_000 }).catch(() => {
				throw new Error(`"${vendor.nodeDisplayName}" is not in the node picker (did the package's n8n block list it, and did it load?)`);
			});
			const problems = await iconProblems(item, 'the picker entry');
			// The node's own page in the picker: its icon, "Installed", and its actions.
			await item.click();
			const action = page.locator(`${ids.pickerItem}[data-keyboard-nav-id^="${PACKAGE_NAME}."]`).first();
			await action.waitFor({ timeout: 10_000 });
			await page.waitForTimeout(800); // the panel slides in
			return problems;
		});
		results.check(label('in the node picker'), found);
		if (found.length) return;

		const panel = await attempt(page, `${vendor.vendor}-2-parameters`, async () => {
			await page.locator(`${ids.pickerItem}[data-keyboard-nav-id^="${PACKAGE_NAME}."]`).first().click();
			await page.locator(ids.parameters).waitFor({ timeout: 15_000 });
			const problems = await iconProblems(page.locator(ids.ndv).first(), 'the parameters panel');
			const selected = await page.locator(ids.credentialSelect).first().evaluateAll((inputs) => (inputs[0] as HTMLInputElement | undefined)?.value ?? '');
			if (selected !== vendor.credentialName) problems.push(`the credential shown is "${selected}", expected "${vendor.credentialName}"`);
			return problems;
		});
		results.check(label('parameters panel'), panel);
		if (panel.length) return;

		const credential = await attempt(page, `${vendor.vendor}-3-credential`, async () => {
			await page.click(ids.credentialEdit);
			const modal = page.locator(ids.credentialModal).first();
			await modal.waitFor({ timeout: 15_000 });
			const problems = await iconProblems(modal, 'the credential form');
			await credentialResult(page);
			// The form tests on opening; pressing its Retry button is pressing Test again.
			const retry = modal.locator('button', { hasText: 'Retry' }).first();
			if ((await retry.count()) === 0) problems.push('the credential form shows no Test (Retry) button');
			else await retry.click();
			await page.waitForTimeout(300);
			const verdict = await credentialResult(page);
			if (verdict !== 'tested') problems.push(`the credential test failed against the simulator: ${await failureDetail(page)}`);
			await page.waitForTimeout(300);
			return problems;
		});
		results.check(label('credential test'), credential);
	} finally {
		await page.close();
	}
}

async function credentialResult(page: Page): Promise<'tested' | 'failed'> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (await page.locator(ids.credentialTested).first().isVisible()) return 'tested';
		if (await page.getByText(COULD_NOT_CONNECT).first().isVisible()) return 'failed';
		await page.waitForTimeout(250);
	}
	throw new Error('the credential form showed no test result within 30 s');
}

/** The server's reason, which the form shows under "More details". */
async function failureDetail(page: Page): Promise<string> {
	const more = page.getByText('More details').first();
	if (await more.isVisible()) await more.click();
	await page.waitForTimeout(300);
	const lines = (await page.locator(ids.credentialModal).first().innerText()).split('\n').map((line) => line.trim());
	const retryAt = lines.indexOf('Retry');
	return (retryAt >= 0 ? lines[retryAt + 1] : undefined) ?? 'no reason shown';
}

/** Opens an imported example, presses Execute workflow, and reads the node's item counts off the canvas. */
async function runFromEditor(context: BrowserContext, url: string, example: Example, results: Results): Promise<void> {
	const page = await context.newPage();
	const vendor = vendors.find((candidate) => candidate.vendor === example.vendor);
	const expectation = vendor?.expectations[example.file];
	const node = expectation?.node ?? example.packageNodes[0]?.name;
	try {
		let counts = '';
		const problems = await attempt(page, `run-${example.id}`, async () => {
			await page.goto(`${url}/workflow/${example.id}`);
			await page.locator(ids.canvas).waitFor({ timeout: 30_000 });
			await page.click(ids.executeWorkflow);
			const canvasNode = page.locator(ids.canvasNode).filter({ hasText: node }).first();
			// The status mark comes a moment before the item counts on the node's outputs.
			const deadline = Date.now() + 120_000;
			let handles: string[] = [];
			for (;;) {
				const finished = (await canvasNode.locator(ids.nodeSuccess).count()) + (await canvasNode.locator(ids.nodeError).count()) > 0;
				handles = await canvasNode.locator(ids.outputHandle).evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
				if (finished && handles.some((text) => itemCount(text) !== undefined)) break;
				if (Date.now() > deadline) throw new Error(`${node} showed no result within 120 s`);
				await page.waitForTimeout(500);
			}
			await page.waitForTimeout(500);
			const found: string[] = [];
			if (await canvasNode.locator(ids.nodeError).count()) found.push(`${node} ended in an error on the canvas`);
			const [success = 0, error = 0] = handles.map((text) => itemCount(text) ?? 0);
			counts = `${node}: ${success} success, ${error} error`;
			if (expectation) {
				const want = { success: expectation.outcomes.filter((outcome) => outcome === 'success').length, error: expectation.outcomes.filter((outcome) => outcome === 'error').length };
				if (success !== want.success || error !== want.error) found.push(`the canvas shows ${success} success and ${error} error items, expected ${want.success} and ${want.error}`);
			}
			const listing = await restGet<{ data: { results: Array<{ status: string; mode: string }> } }>(
				page,
				`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: example.id }))}&limit=1`,
			);
			const latest = listing.data.results[0];
			if (latest?.mode !== 'manual' || latest.status !== 'success') found.push(`the editor's execution is ${latest ? `${latest.mode}/${latest.status}` : 'missing'}`);
			return found;
		});
		results.check(`browser: ${example.file} run from the editor`, problems, counts);
	} finally {
		await page.close();
	}
}

/** Starts n8n on the prepared instance, signs in, and runs every browser check. */
export async function browserChecks(instance: Instance, results: Results): Promise<void> {
	mkdirSync(SCREENSHOTS, { recursive: true });
	for (const file of readdirSync(SCREENSHOTS).filter((name) => name.endsWith('.png'))) rmSync(join(SCREENSHOTS, file));
	const server: N8nServer = await instance.n8n.start(await freePort());
	try {
		await server.setupOwner();
		const browser = await launchChromium();
		const refused: string[] = [];
		try {
			const context = await loopbackContext(browser, refused);
			const page = await context.newPage();
			const signedIn = await attempt(page, '0-signed-in', async () => {
				await signIn(page, server.url, OWNER.email, OWNER.password);
				return [];
			});
			results.check('browser: owner signs in', signedIn);
			if (signedIn.length) return;
			const loaded = await loadedTypeProblems(page, server.url, instance.packed).catch((error: unknown) => [messageOf(error)]);
			const count = `${instance.packed.n8n.nodes.length} node(s), ${instance.packed.n8n.credentials.length} credential(s)`;
			results.check(`browser: n8n loaded the package's types (${PACKAGE_NAME}.*) and icons`, loaded, count);
			await page.close();
			for (const vendor of vendors) await nodeChecks(context, server.url, vendor, results);
			const example = instance.examples.find((candidate) => candidate.vendor === vendors[0].vendor) ?? instance.examples[0];
			if (example) await runFromEditor(context, server.url, example, results);
		} finally {
			await browser.close();
		}
		const hosts = [...new Set(refused.map((address) => new URL(address).host))];
		if (hosts.length) results.note(`the editor asked for ${hosts.join(', ')}; refused in the browser (${refused.length} request(s))`);
		results.note(`screenshots in ${SCREENSHOTS}`);
	} finally {
		await server.stop();
	}
}

async function main(): Promise<void> {
	await runSuite({ workPrefix: 'n8n-batch-jobs-browser-', setup: 'browser setup' }, async (instance, results, timings) => {
		await timings.time('browser test', async () => await browserChecks(instance, results));
	});
}

if (require.main === module) void main();
