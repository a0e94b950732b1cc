import type { Locator, Page } from './playwright';

/** The data-test-id selectors of n8n 2.41's editor that this test relies on, in one place. */
export const ids = {
	signInEmail: 'input[name=emailOrLdapLoginId]',
	signInPassword: 'input[name=password]',
	signInSubmit: '[data-test-id=form-submit-button]',
	canvas: '[data-test-id=canvas-wrapper]',
	openPicker: '[data-test-id=node-creator-plus-button]',
	pickerSearch: '[data-test-id=node-creator-search-bar]',
	pickerItem: '[data-test-id=item-iterator-item]',
	pickerItemName: '[data-test-id=node-creator-item-name]',
	ndv: '[data-test-id=ndv]',
	parameters: '[data-test-id=node-parameters]',
	credentialSelect: '[data-test-id=node-credentials-select] input',
	credentialEdit: '[data-test-id=credential-edit-button]',
	credentialModal: '[data-test-id=editCredential-modal]',
	credentialTested: '[data-test-id=credentials-config-container-test-success]',
	executeWorkflow: '[data-test-id=execute-workflow-button]',
	canvasNode: '[data-test-id=canvas-node]',
	nodeSuccess: '[data-test-id=canvas-node-status-success]',
	nodeError: '[data-test-id=canvas-node-status-error]',
	outputHandle: '[data-test-id=canvas-node-output-handle]',
} as const;

export const COULD_NOT_CONNECT = 'Couldn’t connect with these settings';

export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
	await page.goto(`${url}/signin`);
	await page.fill(ids.signInEmail, email);
	await page.fill(ids.signInPassword, password);
	await page.click(ids.signInSubmit);
	await page.waitForURL(/\/home\//, { timeout: 30_000 });
}

/** The images inside an element, once each has finished loading or failing. */
export async function images(locator: Locator): Promise<Array<{ src: string; width: number }>> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const found = await locator.locator('img').evaluateAll((elements) =>
			elements.map((element) => {
				const image = element as HTMLImageElement;
				return { src: image.src, width: image.naturalWidth, complete: image.complete };
			}),
		);
		if (found.length > 0 && found.every((image) => image.complete)) return found.map(({ src, width }) => ({ src, width }));
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return [];
}

/** Problems with the icons in `locator`: none shown, or one that did not load. */
export async function iconProblems(locator: Locator, what: string): Promise<string[]> {
	const found = await images(locator);
	if (found.length === 0) return [`${what} shows no icon`];
	return found.filter((image) => image.width === 0).map((image) => `${what}'s icon did not load: ${image.src}`);
}

/** "Success3 items" → 3. */
export function itemCount(text: string): number | undefined {
	const match = /(\d+)\s+items?/.exec(text);
	return match ? Number(match[1]) : undefined;
}

/** GET a REST path with the signed-in browser's cookie and its browser ID, as the editor does. */
export async function restGet<T>(page: Page, path: string): Promise<T> {
	return await page.evaluate(async (target: string) => {
		const res = await fetch(target, { headers: { 'browser-id': localStorage.getItem('n8n-browserId') ?? '' } });
		if (!res.ok) throw new Error(`GET ${target} answered ${res.status}`);
		return (await res.json()) as T;
	}, path);
}
