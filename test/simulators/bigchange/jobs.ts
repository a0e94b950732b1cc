import type { RouteHandler, SimRequest, SimResponse } from '../base';
import { bindJobBody, type BoundJobBody } from './bind';
import { ErrorMap, problem, validationProblem } from './problem';
import type { BigChangeSimSettings } from './settings';
import { JOB_STATUSES, LOCKED_STATUSES, jobView, type BigChangeStore, type JobStatus, type SimContact, type SimJob } from './store';

export interface JobsContext {
	readonly settings: BigChangeSimSettings;
	readonly store: BigChangeStore;
}

const JSON_CONTENT = /^\s*application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const MAX_PAGE_NUMBER = 2_147_483;

/** The auth middleware has already refused requests without a valid Customer-Id. */
function customerOf(req: SimRequest): string {
	return (req.headers['customer-id'] ?? '').trim();
}

function parseJobId(req: SimRequest): number | SimResponse {
	const text = req.params.jobId ?? '';
	if (!/^\d{1,15}$/.test(text) || Number(text) < 1) {
		return validationProblem(400, { jobId: [`The value '${text}' is not valid.`] }, req.path);
	}
	return Number(text);
}

function findJob(ctx: JobsContext, req: SimRequest): SimJob | SimResponse {
	const id = parseJobId(req);
	if (typeof id !== 'number') return id;
	const job = ctx.store.jobs(customerOf(req)).get(id);
	return job ?? problem(404, `Job ${id} was not found.`, req.path);
}

function readBody(req: SimRequest, kind: 'update' | 'create'): BoundJobBody | SimResponse {
	if (!JSON_CONTENT.test(req.headers['content-type'] ?? '')) return problem(415, null, req.path, 'Unsupported Media Type');
	if (req.rawBody.trim() === '') return validationProblem(400, { '': ['A non-empty request body is required.'] }, req.path);
	if (req.body === undefined) return validationProblem(400, { $: ['The request body is not valid JSON.'] }, req.path);
	const { body, errors } = bindJobBody(req.body, kind);
	return errors.empty ? body : validationProblem(400, errors.errors, req.path);
}

function checkPerson(errors: ErrorMap, contact: SimContact | undefined, personId: string | null | undefined): void {
	if (personId === undefined || personId === null || !contact) return;
	if (!contact.personIds.some((id) => id.toLowerCase() === personId.toLowerCase())) {
		errors.add('personId', `Person ${personId} is not a contact person of contact ${contact.id}.`);
	}
}

function checkCustomFields(ctx: JobsContext, errors: ErrorMap, fields: BoundJobBody['customFields']): void {
	(fields ?? []).forEach((field, index) => {
		const key = `customFields[${index}].definitionId`;
		if (field.definitionId === undefined || field.definitionId === null) errors.add(key, 'The definitionId field is required.');
		else if (!ctx.store.definitions.has(field.definitionId)) errors.add(key, `Custom field definition ${field.definitionId} does not exist.`);
	});
}

function checkDuration(errors: ErrorMap, duration: number | null | undefined): void {
	if (typeof duration === 'number' && duration < 0) errors.add('plannedDuration', 'The planned duration must be 0 minutes or more.');
}

function blank(value: string | null | undefined): boolean {
	return value === undefined || value === null || value.trim() === '';
}

function applyCustomFields(job: SimJob, fields: BoundJobBody['customFields']): void {
	for (const field of fields ?? []) {
		if (field.definitionId === undefined || field.definitionId === null) continue;
		if (field.value === null) job.customFields.delete(field.definitionId);
		else job.customFields.set(field.definitionId, field.value);
	}
}

/** `PATCH /v1/jobs/{jobId}`: omitted properties keep their value, null clears where the docs allow. */
function update(ctx: JobsContext): RouteHandler {
	return (req) => {
		const job = findJob(ctx, req);
		if (!('id' in job)) return job;
		const body = readBody(req, 'update');
		if (!isBody(body)) return body;

		const locked = LOCKED_STATUSES.has(job.status) ? (['description', 'personId'] as const).filter((name) => body[name] !== undefined) : [];
		if (locked.length > 0 && ctx.settings.lockedFieldStatus === 400) {
			return problem(400, `The ${locked.join(' and ')} of job ${job.id} cannot be updated because the job has been started or completed.`, req.path);
		}
		const errors = new ErrorMap();
		for (const name of locked) errors.add(name, 'Cannot be updated once the job has been started or completed.');
		if (body.description === null) errors.add('description', 'The description cannot be null; leave it out to keep the current value.');
		checkDuration(errors, body.plannedDuration);
		const contact = ctx.store.contacts.get(job.contactId);
		checkPerson(errors, contact, body.personId);
		const orderNumber = body.orderNumber !== undefined ? body.orderNumber : job.orderNumber;
		if (ctx.store.jobTypes.get(job.typeId)?.orderNumberRequired && blank(orderNumber)) {
			errors.add('orderNumber', 'An order number is required for this job type.');
		}
		checkCustomFields(ctx, errors, body.customFields);
		if (!errors.empty) return validationProblem(422, errors.errors, req.path);

		if (typeof body.plannedDuration === 'number') job.plannedDuration = body.plannedDuration;
		if (body.description !== undefined) job.description = body.description;
		if (body.reference !== undefined) job.reference = body.reference;
		if (body.orderNumber !== undefined) job.orderNumber = body.orderNumber;
		// Documented: "If set null, the primary person for the contact will be set instead".
		if (body.personId !== undefined) job.personId = body.personId ?? contact?.primaryPersonId ?? null;
		applyCustomFields(job, body.customFields);
		return { status: 204 };
	};
}

/** `POST /v1/jobs`: typeId and contactId required; answers 201 `{ id }`. */
function create(ctx: JobsContext): RouteHandler {
	return (req) => {
		const body = readBody(req, 'create');
		if (!isBody(body)) return body;
		const errors = new ErrorMap();
		const type = typeof body.typeId === 'number' ? ctx.store.jobTypes.get(body.typeId) : undefined;
		const contact = typeof body.contactId === 'number' ? ctx.store.contacts.get(body.contactId) : undefined;
		if (typeof body.typeId !== 'number') errors.add('typeId', 'The typeId field is required.');
		else if (!type) errors.add('typeId', `Job type ${body.typeId} does not exist.`);
		if (typeof body.contactId !== 'number') errors.add('contactId', 'The contactId field is required.');
		else if (!contact) errors.add('contactId', `Contact ${body.contactId} does not exist.`);
		checkDuration(errors, body.plannedDuration);
		checkPerson(errors, contact, body.personId);
		if (type?.orderNumberRequired && blank(body.orderNumber)) errors.add('orderNumber', 'An order number is required for this job type.');
		checkCustomFields(ctx, errors, body.customFields);
		if (!errors.empty || !type || !contact) return validationProblem(422, errors.errors, req.path);

		const job = ctx.store.insert(customerOf(req), {
			typeId: type.id,
			contactId: contact.id,
			plannedDuration: body.plannedDuration ?? type.defaultDuration,
			description: body.description ?? null,
			reference: body.reference ?? null,
			orderNumber: body.orderNumber ?? null,
			personId: body.personId ?? contact.primaryPersonId,
		});
		if (job.reference === null && type.autoReferencePrefix) job.reference = `${type.autoReferencePrefix}-${String(job.id).padStart(6, '0')}`;
		applyCustomFields(job, body.customFields);
		return { status: 201, headers: { location: `/v1/jobs/${job.id}` }, body: { id: job.id } };
	};
}

function get(ctx: JobsContext): RouteHandler {
	return (req) => {
		const job = findJob(ctx, req);
		return 'id' in job ? { status: 200, body: jobView(ctx.store, job) } : job;
	};
}

function intQuery(errors: ErrorMap, req: SimRequest, name: string, min: number, max: number, fallback?: number): number | undefined {
	const text = req.query[name];
	if (text === undefined || text === '') return fallback;
	const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
	if (Number.isNaN(value)) errors.add(name, `The value '${text}' is not valid for ${name}.`);
	else if (value < min || value > max) errors.add(name, `The field ${name} must be between ${min} and ${max}.`);
	return value;
}

/** `GET /v1/jobs`: pageNumber/pageSize paging and a few filters; answers `{ items, pageNumber, pageSize, totalCount }`. */
function list(ctx: JobsContext): RouteHandler {
	return (req) => {
		const errors = new ErrorMap();
		const pageNumber = intQuery(errors, req, 'pageNumber', 1, MAX_PAGE_NUMBER, 1) ?? 1;
		const pageSize = intQuery(errors, req, 'pageSize', 1, ctx.settings.maxPageSize, ctx.settings.defaultPageSize) ?? ctx.settings.defaultPageSize;
		const typeId = intQuery(errors, req, 'typeId', 1, Number.MAX_SAFE_INTEGER);
		const contactId = intQuery(errors, req, 'contactId', 1, Number.MAX_SAFE_INTEGER);
		const status = req.query.status;
		if (status !== undefined && !JOB_STATUSES.includes(status as JobStatus)) errors.add('status', `The value '${status}' is not valid for status.`);
		if (!errors.empty) return validationProblem(400, errors.errors, req.path);

		const matching = [...ctx.store.jobs(customerOf(req)).values()]
			.filter((job) => (typeId === undefined || job.typeId === typeId) && (contactId === undefined || job.contactId === contactId) && (status === undefined || job.status === status))
			.sort((a, b) => a.id - b.id);
		const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((job) => jobView(ctx.store, job));
		const body: Record<string, unknown> = { items: page, pageNumber, pageSize };
		if (ctx.settings.listTotalCount) body.totalCount = matching.length;
		return { status: 200, body };
	};
}

/** A bound body never has `status`; every response does. */
function isBody(value: BoundJobBody | SimResponse): value is BoundJobBody {
	return !('status' in value);
}

export function jobRoutes(ctx: JobsContext): Record<'list' | 'get' | 'update' | 'create', RouteHandler> {
	return { list: list(ctx), get: get(ctx), update: update(ctx), create: create(ctx) };
}
