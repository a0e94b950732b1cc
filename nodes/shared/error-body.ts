import { isBag } from './failure';

/**
 * What a vendor's error body says, in words a person can act on. A body in no known shape yields
 * only a `detail` (a clipped copy), so the caller leads with its status explanation instead.
 */
export interface BodyReading {
	message?: string;
	detail?: string;
}

type Bag = Record<string, unknown>;

const MAX_TEXT = 300;

function clip(text: string, max = MAX_TEXT): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function str(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

function toText(body: unknown): string | undefined {
	if (typeof body === 'string') return body;
	if (body instanceof Uint8Array) return new TextDecoder().decode(body);
	if (body instanceof ArrayBuffer) return new TextDecoder().decode(new Uint8Array(body));
	return undefined;
}

function isHtml(text: string, contentType: string | undefined): boolean {
	return /html/i.test(contentType ?? '') || /^\s*<(!doctype\s+html|html|head|body)\b/i.test(text);
}

function htmlTitle(text: string): string | undefined {
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
	return title === undefined ? undefined : str(clip(title, 120));
}

function joinDetails(...parts: Array<string | undefined>): string | undefined {
	const kept = parts.filter((part): part is string => part !== undefined);
	return kept.length > 0 ? kept.join('; ') : undefined;
}

/** RFC 7807: "title: detail", or whichever is present; a detail that repeats the title wins alone. */
function problemText(problem: Bag): string | undefined {
	const title = str(problem.title);
	const detail = str(problem.detail);
	if (title && detail) return detail.startsWith(title) ? detail : `${title}: ${detail}`;
	return title ?? detail;
}

/** Support desks ask for these; they are not secrets. */
function traceText(body: Bag): string | undefined {
	const debug = isBag(body.debug) ? body.debug : {};
	const activity = str(debug.activityID);
	const trace = str(body.traceId) ?? str(body.requestId);
	return joinDetails(
		activity ? `activity ID ${activity}` : undefined,
		trace ? `trace ID ${trace}` : undefined,
	);
}

function fieldName(name: string): string {
	return name.replace(/^\$\.?/, '');
}

function messagesOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(messagesOf);
	if (isBag(value)) {
		const text = str(value.message) ?? str(value.msg) ?? str(value.detail) ?? str(value.errorMessage);
		const field = str(value.field) ?? str(value.property) ?? str(value.propertyName) ?? str(value.name);
		if (text === undefined) return [];
		return [field ? `${fieldName(field)}: ${text}` : text];
	}
	const text = str(value);
	return text === undefined ? [] : [text];
}

/** `errors: { orderNumber: ["required"], personId: ["must be a uuid"] }` or a list of such entries. */
function fieldErrors(errors: unknown): string | undefined {
	if (Array.isArray(errors)) {
		const list = messagesOf(errors);
		return list.length > 0 ? list.join('; ') : undefined;
	}
	if (!isBag(errors)) return undefined;
	const parts = Object.entries(errors).flatMap(([field, value]) => {
		const texts = messagesOf(value);
		if (texts.length === 0) return [];
		const name = fieldName(field);
		return [name === '' ? texts.join(', ') : `${name}: ${texts.join(', ')}`];
	});
	return parts.length > 0 ? parts.join('; ') : undefined;
}

/** `error` as VBAPI's problem object, OL Connect's `{status,message,parameter}`, or OAuth's string. */
function nestedError(body: Bag): string | undefined {
	const error = body.error;
	if (typeof error === 'string') {
		const description = str(body.error_description);
		return description ? `${error}: ${description}` : str(error);
	}
	if (!isBag(error)) return undefined;
	const message = str(error.message);
	if (message) {
		const parameter = str(error.parameter);
		return parameter ? `${message} (parameter: ${parameter})` : message;
	}
	return problemText(error);
}

function readObject(body: Bag): BodyReading | undefined {
	const trace = traceText(body);
	const fields = fieldErrors(body.errors);
	if (fields) return { message: fields, detail: joinDetails(problemText(body), trace) };
	const message =
		nestedError(body) ??
		problemText(body) ??
		str(body.message) ??
		str(body.Message) ??
		str(body.error_description) ??
		str(body.description) ??
		str(body.reason);
	return message ? { message: readMessageString(message), detail: trace } : undefined;
}

/** Rightsline sends validation failures as a JSON document inside `message`. */
function readMessageString(message: string): string {
	if (!/^[[{]/.test(message)) return message;
	try {
		const parsed: unknown = JSON.parse(message);
		return (isBag(parsed) ? (fieldErrors(parsed) ?? readObject(parsed)?.message) : undefined) ?? message;
	} catch {
		return message;
	}
}

function parseJson(text: string): unknown {
	if (!/^\s*[[{]/.test(text)) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function readText(text: string, status: number | undefined, contentType: string | undefined): BodyReading | undefined {
	if (text.trim() === '') return undefined;
	if (isHtml(text, contentType)) {
		const suffix = status === undefined ? '' : ` (status ${status})`;
		return { message: `the server answered with an HTML page${suffix}`, detail: htmlTitle(text) };
	}
	const parsed = parseJson(text);
	return parsed === undefined ? { message: clip(text) } : readParsed(parsed);
}

function isEmpty(body: unknown): boolean {
	return Array.isArray(body) ? body.length === 0 : isBag(body) && Object.keys(body).length === 0;
}

function readParsed(body: unknown): BodyReading | undefined {
	if (body === undefined || body === null || isEmpty(body)) return undefined;
	const list = Array.isArray(body) ? messagesOf(body) : [];
	if (list.length > 0) return { message: list.join('; ') };
	if (isBag(body) && !Array.isArray(body)) {
		const reading = readObject(body);
		if (reading !== undefined) return reading;
	}
	if (isBag(body)) return { detail: `the server answered ${clip(JSON.stringify(body), 200)}` };
	const text = str(body);
	return text === undefined ? undefined : { message: clip(text) };
}

/**
 * Reads any of the error bodies the four vendors send (problem+json, 422 field lists, VBAPI's
 * envelope, OL Connect's `{error:{…}}` or plain text, Rightsline's `{message}`) and anything else
 * without ever yielding "[object Object]" or a page of HTML. `undefined` means the body said nothing.
 */
export function readErrorBody(
	body: unknown,
	context: { status?: number; contentType?: string } = {},
): BodyReading | undefined {
	const text = toText(body);
	return text === undefined ? readParsed(body) : readText(text, context.status, context.contentType);
}
