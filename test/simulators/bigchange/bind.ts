import { ErrorMap } from './problem';

/** A job body as the API binds it. A property left out stays undefined; a JSON null stays null. */
export interface BoundJobBody {
	typeId?: number | null;
	contactId?: number | null;
	plannedDuration?: number | null;
	description?: string | null;
	reference?: string | null;
	personId?: string | null;
	orderNumber?: string | null;
	customFields?: Array<{ definitionId?: number | null; value: string | null }> | null;
}

export type BodyKind = 'update' | 'create';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** System.Text.Json matches property names case-insensitively (ASP.NET's web defaults). */
function read(body: Record<string, unknown>, name: string): { present: boolean; value: unknown } {
	const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
	return key === undefined ? { present: false, value: undefined } : { present: true, value: body[key] };
}

/** ASP.NET's wording for a value System.Text.Json cannot convert. */
function conversion(errors: ErrorMap, path: string, clrType: string): void {
	errors.add(path, `The JSON value could not be converted to ${clrType}. Path: ${path}.`);
}

function bindInteger(errors: ErrorMap, path: string, value: unknown, nullable: boolean, range: { min: number; max: number }, clrType: string): number | null | undefined {
	if (value === null && nullable) return null;
	if (typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max) return value;
	conversion(errors, path, clrType);
	return undefined;
}

function bindString(errors: ErrorMap, path: string, value: unknown): string | null | undefined {
	if (value === null || typeof value === 'string') return value;
	conversion(errors, path, 'System.String');
	return undefined;
}

function bindCustomFields(errors: ErrorMap, value: unknown): BoundJobBody['customFields'] {
	if (value === null) return null;
	if (!Array.isArray(value)) {
		conversion(errors, '$.customFields', 'System.Collections.Generic.List`1[CustomFieldValue]');
		return undefined;
	}
	return value.map((entry: unknown, index) => {
		const path = `$.customFields[${index}]`;
		if (!isObject(entry)) {
			conversion(errors, path, 'CustomFieldValue');
			return { value: null };
		}
		const definition = read(entry, 'definitionId');
		const raw = read(entry, 'value');
		const definitionId = definition.present
			? bindInteger(errors, `${path}.definitionId`, definition.value, false, { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }, 'System.Int64')
			: undefined;
		const bound = raw.present ? bindString(errors, `${path}.value`, raw.value) : null;
		return { definitionId, value: bound ?? null };
	});
}

/**
 * Reads a job body as ASP.NET model binding would: values of the wrong JSON type become 400
 * errors keyed by JSON path, unknown properties are ignored. Rules about what the values mean
 * (required, unknown IDs, locked fields) are checked afterwards and answered with 422.
 */
export function bindJobBody(raw: unknown, kind: BodyKind): { body: BoundJobBody; errors: ErrorMap } {
	const errors = new ErrorMap();
	const body: BoundJobBody = {};
	if (!isObject(raw)) {
		conversion(errors, '$', kind === 'create' ? 'CreateJobRequest' : 'UpdateJobRequest');
		return { body, errors };
	}
	const int64 = { min: 1, max: Number.MAX_SAFE_INTEGER };
	if (kind === 'create') {
		for (const name of ['typeId', 'contactId'] as const) {
			const field = read(raw, name);
			if (field.present) body[name] = bindInteger(errors, `$.${name}`, field.value, false, int64, 'System.Int64');
		}
	}
	const duration = read(raw, 'plannedDuration');
	if (duration.present) {
		// Nullable on create ("if not provided, the default duration for the job type"), not on update.
		body.plannedDuration = bindInteger(errors, '$.plannedDuration', duration.value, kind === 'create', INT32, kind === 'create' ? 'System.Nullable`1[System.Int32]' : 'System.Int32');
	}
	for (const name of ['description', 'reference', 'orderNumber'] as const) {
		const field = read(raw, name);
		if (field.present) body[name] = bindString(errors, `$.${name}`, field.value);
	}
	const person = read(raw, 'personId');
	if (person.present) {
		if (person.value === null || (typeof person.value === 'string' && GUID.test(person.value))) body.personId = person.value;
		else conversion(errors, '$.personId', 'System.Nullable`1[System.Guid]');
	}
	const custom = read(raw, 'customFields');
	if (custom.present) body.customFields = bindCustomFields(errors, custom.value);
	return { body, errors };
}
