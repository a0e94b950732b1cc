import { charTypeName } from './char-types';
import type { BatchMethod, Entry } from './entries';

type Bag = Record<string, unknown>;

const VERBS: Record<BatchMethod, string> = {
	GET: 'retrieve',
	POST: 'create',
	PUT: 'update',
	DELETE: 'delete',
	'EXECUTE-WORKFLOW': 'run the workflow action on',
	COPY: 'copy',
};

function isBag(value: unknown): value is Bag {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function texts(value: unknown): string[] {
	if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
	if (Array.isArray(value)) return value.flatMap(texts);
	if (isBag(value)) {
		const own = value.Message ?? value.message ?? value.ErrorMessage ?? value.errorMessage;
		if (own !== undefined) return texts(own);
		if ('Value' in value || 'value' in value) return texts(value.Value ?? value.value);
	}
	return [];
}

/**
 * Rightsline reports a validation failure as a JSON document in `message`
 * ({"IsValid":false,"Errors":[{"Key":"CharDataValidation","Value":["Invalid field found x."]}],…});
 * this gives its sentences, or undefined when the message is plain text.
 */
export function validationDetails(message: string): string | undefined {
	if (!/^\s*\{/.test(message)) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(message);
	} catch {
		return undefined;
	}
	if (!isBag(parsed)) return undefined;
	const details = [...texts(parsed.Errors ?? parsed.errors), ...texts(parsed.DbValidationErrors)];
	if (parsed.IsLocked === true) details.push('The record is locked.');
	if (parsed.HasBlockingConflicts === true) details.push('The change conflicts with existing rights (blocking conflicts).');
	return details.length > 0 ? details.join(' ') : 'Rightsline reported the record as not valid without saying why.';
}

function subject(entry: Entry): string {
	if (entry.kind === 'relationship') return 'relationship';
	return entry.charTypeId > 0 ? charTypeName(entry.charTypeId) : 'record';
}

function idText(id: number | undefined): string {
	return id ? ` ${id}` : '';
}

/** What a person should read when one record of a batch failed, from its `code` and `message`. */
export function recordFailureText(entry: Entry, code: number, message: string, id: number | undefined): string {
	const what = subject(entry);
	// Get Batch knows the method only from the item, which may not say.
	const verb = (VERBS as Partial<Record<string, string>>)[entry.method] ?? 'process';
	const status = `${code} ${message}`;
	const details = validationDetails(message);
	if (details !== undefined) return `Rightsline did not ${verb} the ${what}${idText(id)}: ${details} (${code})`;
	switch (message.trim()) {
		case 'Record Not Found.':
			return id ? `Rightsline has no ${what} with ID ${id} (${status})` : `Rightsline did not find the ${what} (${status})`;
		case 'Access Denied.':
			return `The Rightsline API user may not ${verb} this ${what}${idText(id)} (${status}): check the user’s security role in Rightsline`;
		case 'Invalid Record.':
			return `Rightsline rejected the ${what}${idText(id)} as invalid (${status}): check the template ID, title and fields`;
		case 'Record Locked.':
			return `The ${what}${idText(id)} is locked in Rightsline (${status}); try again once it is unlocked`;
		default:
			return `Rightsline did not ${verb} the ${what}${idText(id)}: ${message || 'no message'} (${code})`;
	}
}

/** A relationship whose parent or child does not exist comes back as a missing record. */
export function missingLinkText(side: 'parent' | 'child', charTypeId: number, id: number): string {
	return `Rightsline did not create the relationship: its ${side}, ${charTypeName(charTypeId)} ${id}, does not exist (404 Record Not Found.)`;
}
