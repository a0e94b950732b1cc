import type { INode } from 'n8n-workflow';

/**
 * One object per credential (and settings) in an n8n process, shared by every execution that runs
 * there at once: a schedule and a webhook on the same key then keep one vendor limit together. The
 * key is the credential's type and ID plus the caller's parts (base URL, pace…): no secret. A node
 * without a saved credential ID gets an object of its own. The oldest entry goes first when more
 * than `most` are kept (a run holds its own reference meanwhile).
 */
export class ProcessShared<T> {
	private readonly entries = new Map<string, T>();

	constructor(private readonly most = 64) {}

	get(node: INode, credentialType: string, parts: ReadonlyArray<string | number>, create: () => T): T {
		const id = node.credentials?.[credentialType]?.id;
		if (!id) return create();
		const key = [credentialType, id, ...parts].join('\u0000');
		let entry = this.entries.get(key);
		if (entry !== undefined) {
			// Most recently used last, so the oldest is the first to go.
			this.entries.delete(key);
		} else {
			entry = create();
			if (this.entries.size >= this.most) this.entries.delete(this.entries.keys().next().value as string);
		}
		this.entries.set(key, entry);
		return entry;
	}
}
