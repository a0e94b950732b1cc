import { readFileSync } from 'fs';
import { join } from 'path';

import {
	buildPath,
	getEntity,
	getNestedModel,
	listEntities,
	searchEntities,
	VbaPathParamError,
	type VbaEntity,
} from '../../nodes/VbaBatchUpsert/catalog';
import type { CatalogFile } from '../../nodes/VbaBatchUpsert/catalog/format';
import {
	assignDisplayNames,
	exclusionReason,
	generate,
	mapPathParam,
	serialize,
	splitWords,
	type VendorDoc,
	type VendorEndpoint,
} from '../../scripts/generate-vba-catalog';

// What `tsx scripts/generate-vba-catalog.ts` reports as "included" for the vendor catalog of
// 2025-04-15 (759 batch endpoints, of which 5 POST and 2 DELETE are left out). Regenerating from a
// newer vendor file changes this on purpose.
const GENERATED_ENTITY_COUNT = 752;

// Nothing here reads docs/vendor-data: the catalog is the committed, generated one inside the package.
const CATALOG_PATH = join(__dirname, '../../nodes/VbaBatchUpsert/catalog/catalog.json');

function entity(id: string): VbaEntity {
	const found = getEntity(id);
	if (found === undefined) throw new Error(`catalog has no ${id}`);
	return found;
}

function field(e: VbaEntity, name: string) {
	const found = e.fields.find((f) => f.name === name);
	if (found === undefined) throw new Error(`${e.id} has no field ${name}`);
	return found;
}

describe('VBA entity catalog', () => {
	const entities = listEntities();

	it('holds every entity the generator included', () => {
		expect(entities).toHaveLength(GENERATED_ENTITY_COUNT);
	});

	it('loads every entity whole: fields, keys among the fields, path params matching the path', () => {
		for (const e of entities) {
			expect(e.fields.length).toBeGreaterThan(0);
			expect(e.keyFields.length).toBeGreaterThan(0);
			expect(e.model).toMatch(/^[A-Z][A-Za-z0-9]*$/);
			expect(e.id).toMatch(/-batch$/);
			const names = e.fields.map((f) => f.name);
			expect(new Set(names).size).toBe(names.length);
			for (const key of e.keyFields) expect(field(e, key).key).toBe(true);
			expect(e.fields.filter((f) => f.key).map((f) => f.name).sort()).toEqual(e.keyFields.slice().sort());
			const placeholders = [...e.id.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
			expect(e.pathParams.map((p) => p.name)).toEqual(placeholders);
			for (const p of e.pathParams) if (p.field !== null) expect(names).toContain(p.field);
			for (const f of e.fields) {
				if (f.maxLength !== undefined) expect(f.maxLength).toBeGreaterThanOrEqual(f.minLength ?? 0);
			}
		}
	});

	it('resolves every nested model a field refers to', () => {
		for (const e of entities) {
			for (const f of e.fields) {
				for (const [, model] of f.type.matchAll(/object:([A-Za-z0-9_]+)/g)) {
					expect(getNestedModel(model)).toBeDefined();
				}
			}
		}
		const criteria = entity('/criterias-batch');
		expect(field(criteria, 'criteriaDetails').type).toBe('array<object:CriteriaDetail>');
		const detail = getNestedModel('CriteriaDetail') ?? [];
		expect(detail.find((f) => f.name === 'criteria_Seq')).toMatchObject({ type: 'integer', required: true, key: false });
	});

	it('has unique ids and unique display names (case-insensitively, as the search box compares them)', () => {
		expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
		expect(new Set(entities.map((e) => e.displayName.toLowerCase())).size).toBe(entities.length);
		for (const e of entities) expect(getEntity(e.id)).toBe(e);
		expect(getEntity('/no-such-batch')).toBeUndefined();
	});

	it('lists entities by display name and hands out a copy of frozen entities', () => {
		const names = entities.map((e) => e.displayName.toLowerCase());
		expect(names).toEqual(names.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
		const list = listEntities();
		list.pop();
		expect(listEntities()).toHaveLength(GENERATED_ENTITY_COUNT);
		expect(Object.isFrozen(entities[0])).toBe(true);
		expect(Object.isFrozen(entities[0].fields[0])).toBe(true);
	});

	it('is the generator serialization, byte for byte (a hand edit would break --check)', () => {
		const text = readFileSync(CATALOG_PATH, 'utf8');
		expect(serialize(JSON.parse(text) as CatalogFile)).toBe(text);
	});

	describe('seed entities keep their true shapes', () => {
		it('Job at /jobs-batch, keyed by the string job_ID', () => {
			const job = entity('/jobs-batch');
			expect(job).toMatchObject({ displayName: 'Job', model: 'Job', keyFields: ['job_ID'], pathParams: [] });
			expect(job.fields[0]).toEqual({
				name: 'job_ID',
				type: 'string',
				required: true,
				nullable: false,
				maxLength: 32,
				minLength: 1,
				key: true,
			});
			expect(job.fields.map((f) => f.name)).toEqual([
				'job_ID',
				'criteria_Object',
				'description',
				'entry_Date',
				'entry_User',
				'job_Type',
				'update_Date',
				'update_User',
			]);
			expect(field(job, 'entry_Date')).toMatchObject({ type: 'date-time', required: false, nullable: false });
		});

		it('CaseAttachment at /case-attachments-batch: integer caseAttachment_Key, and the required case_Key', () => {
			const attachment = entity('/case-attachments-batch');
			expect(attachment).toMatchObject({ displayName: 'Case Attachment', model: 'CaseAttachment', pathParams: [] });
			expect(field(attachment, 'caseAttachment_Key')).toMatchObject({ type: 'integer', required: true, key: true });
			// The spec identifies an attachment by caseAttachment_Key alone (/case-attachments/{CaseAttachment_Key});
			// case_Key is the owning case: required on every record, but not part of the record's identity.
			expect(attachment.keyFields).toEqual(['caseAttachment_Key']);
			expect(field(attachment, 'case_Key')).toMatchObject({ type: 'integer', required: true, nullable: false, key: false });
			expect(field(attachment, 'comment')).toMatchObject({ type: 'string', nullable: true, maxLength: 2048 });
		});

		it('/care-plans/{carePlanKey}/cases-batch with its integer path param carried in carePlan_Key', () => {
			const cases = entity('/care-plans/{carePlanKey}/cases-batch');
			expect(cases).toMatchObject({ displayName: 'Care Case', model: 'CareCase' });
			expect(cases.pathParams).toEqual([{ name: 'carePlanKey', type: 'integer', field: 'carePlan_Key' }]);
			expect(cases.keyFields).toEqual(['carePlan_Key', 'case_Key']);
			expect(cases.fields.slice(0, 2).map((f) => f.name)).toEqual(['carePlan_Key', 'case_Key']);
		});

		it('a parent param that is not a body field maps to null', () => {
			const metadata = entity('/jobs/{jobID}/executions/{jobExecutionKey}/metadata-batch');
			expect(metadata.pathParams).toEqual([
				{ name: 'jobID', type: 'string', field: null },
				{ name: 'jobExecutionKey', type: 'integer', field: 'jobExecution_Key' },
			]);
		});
	});

	describe('searchEntities', () => {
		it('finds "case attach" by words of the display name, whatever the case', () => {
			const found = searchEntities('case attach').map((e) => e.displayName);
			expect(found[0]).toBe('Case Attachment');
			expect(found).toContain('Case Attachment Type');
			expect(searchEntities('  CASE   Attach ').map((e) => e.id)).toEqual(searchEntities('case attach').map((e) => e.id));
		});

		it('matches model names and paths too', () => {
			expect(searchEntities('CareCase').map((e) => e.id)).toContain('/care-plans/{carePlanKey}/cases-batch');
			expect(searchEntities('care-plans/{carePlanKey}/cases').map((e) => e.id)).toEqual([
				'/care-plans/{carePlanKey}/cases-batch',
			]);
			expect(searchEntities('jobs-batch').map((e) => e.id)).toContain('/jobs-batch');
		});

		it('ranks display names that start with the filter first', () => {
			const found = searchEntities('job');
			expect(found[0].displayName).toBe('Job');
			const ranks = found.map((e) => (e.displayName.toLowerCase().startsWith('job') ? 0 : 1));
			expect(ranks).toEqual(ranks.slice().sort());
		});

		it('lists everything without a filter and nothing for a miss', () => {
			expect(searchEntities()).toHaveLength(GENERATED_ENTITY_COUNT);
			expect(searchEntities('   ')).toHaveLength(GENERATED_ENTITY_COUNT);
			expect(searchEntities('zzz no such entity')).toEqual([]);
		});
	});

	describe('buildPath', () => {
		it('returns a path without params unchanged', () => {
			expect(buildPath(entity('/jobs-batch'), {})).toBe('/jobs-batch');
		});

		it('fills and URL-encodes each param', () => {
			expect(buildPath(entity('/care-plans/{carePlanKey}/cases-batch'), { carePlanKey: 12 })).toBe(
				'/care-plans/12/cases-batch',
			);
			expect(buildPath(entity('/care-plans/{carePlanKey}/cases-batch'), { carePlanKey: ' 12 ' })).toBe(
				'/care-plans/12/cases-batch',
			);
			const metadata = entity('/jobs/{jobID}/executions/{jobExecutionKey}/metadata-batch');
			expect(buildPath(metadata, { jobID: 'NIGHTLY/run #1?', jobExecutionKey: 7 })).toBe(
				'/jobs/NIGHTLY%2Frun%20%231%3F/executions/7/metadata-batch',
			);
			const addOns = getEntity(
				'/groups/{groupID}/divisions/{divisionID}/contracts/{coverageStart}/networks/{networkID}/{state}/add-ons-batch',
			);
			expect(addOns).toBeDefined();
			if (addOns !== undefined) {
				expect(
					buildPath(addOns, {
						groupID: 'G1',
						divisionID: 'D 1',
						coverageStart: '2024-01-01T00:00:00Z',
						networkID: 'N1',
						state: 'TX',
					}),
				).toBe('/groups/G1/divisions/D%201/contracts/2024-01-01T00%3A00%3A00Z/networks/N1/TX/add-ons-batch');
			}
		});

		it('names a missing or blank param', () => {
			const cases = entity('/care-plans/{carePlanKey}/cases-batch');
			expect(() => buildPath(cases, {})).toThrow(VbaPathParamError);
			expect(() => buildPath(cases, {})).toThrow(/"carePlanKey"/);
			expect(() => buildPath(cases, { carePlanKey: '  ' })).toThrow(/missing "carePlanKey"/);
			try {
				buildPath(entity('/jobs/{jobID}/executions/{jobExecutionKey}/metadata-batch'), { jobExecutionKey: 3 });
				throw new Error('expected a throw');
			} catch (error: unknown) {
				expect(error).toBeInstanceOf(VbaPathParamError);
				if (error instanceof VbaPathParamError) {
					expect(error.params).toEqual(['jobID']);
					expect(error.entityId).toBe('/jobs/{jobID}/executions/{jobExecutionKey}/metadata-batch');
					expect(error.message).toContain('"jobID"');
				}
			}
		});

		it('rejects a non-integer value for an integer param instead of sending it', () => {
			const cases = entity('/care-plans/{carePlanKey}/cases-batch');
			expect(() => buildPath(cases, { carePlanKey: 'abc' })).toThrow(/invalid carePlanKey \(integer/);
			expect(() => buildPath(cases, { carePlanKey: 1.5 })).toThrow(VbaPathParamError);
			expect(() => buildPath(cases, { carePlanKey: Number.NaN })).toThrow(VbaPathParamError);
			expect(() => buildPath(cases, { carePlanKey: '12abc' })).toThrow(expect.objectContaining({ params: ['carePlanKey'] }));
		});
	});
});

describe('generate-vba-catalog (pure parts, on made-up vendor data)', () => {
	it('splits model names into words, keeping acronyms and numbers together', () => {
		expect(splitWords('CaseAttachment')).toEqual(['Case', 'Attachment']);
		expect(splitWords('IDCardRequest')).toEqual(['ID', 'Card', 'Request']);
		expect(splitWords('HIPAAAdjustmentCode')).toEqual(['HIPAA', 'Adjustment', 'Code']);
		expect(splitWords('IRS1094C')).toEqual(['IRS', '1094C']);
		expect(splitWords('CostContainContext4CaseIndex')).toEqual(['Cost', 'Contain', 'Context', '4', 'Case', 'Index']);
		expect(() => splitWords('lower_case')).toThrow(/cannot split/);
	});

	it('disambiguates a shared entity by parent path, e.g. "Case (Care Plan)"', () => {
		const names = assignDisplayNames([
			{ id: '/cases-batch', model: 'Case' },
			{ id: '/care-plans/{carePlanKey}/cases-batch', model: 'Case' },
			{ id: '/case-attachments-batch', model: 'CaseAttachment' },
		]);
		expect(names.get('/cases-batch')).toBe('Case');
		expect(names.get('/care-plans/{carePlanKey}/cases-batch')).toBe('Case (Care Plan)');
		expect(names.get('/case-attachments-batch')).toBe('Case Attachment');
	});

	it('falls back to the whole parent chain, and refuses names it cannot tell apart', () => {
		const names = assignDisplayNames([
			{ id: '/plans/{planID}/rules/{ruleKey}/details-batch', model: 'Detail' },
			{ id: '/providers/{providerID}/rules/{ruleKey}/details-batch', model: 'Detail' },
		]);
		expect(names.get('/plans/{planID}/rules/{ruleKey}/details-batch')).toBe('Detail (Plan / Rule)');
		expect(names.get('/providers/{providerID}/rules/{ruleKey}/details-batch')).toBe('Detail (Provider / Rule)');
		expect(() =>
			assignDisplayNames([
				{ id: '/things-batch', model: 'Thing' },
				{ id: '/other-things-batch', model: 'Thing' },
			]),
		).toThrow(/not unique/);
	});

	const endpoint = (over: Partial<VendorEndpoint>): VendorEndpoint => ({
		method: 'PUT',
		path: '/widgets-batch',
		entity: 'Widget',
		body: 'array<object:Widget>',
		response: 'MultiCodeResponseListVBAResponse',
		pathParams: [],
		keyFields: ['widget_Key'],
		fields: [{ name: 'widget_Key', type: 'integer', required: true, nullable: false }],
		...over,
	});

	it('keeps only PUT create-or-update endpoints that answer 207 with a list of records', () => {
		expect(exclusionReason(endpoint({}))).toBeUndefined();
		expect(exclusionReason(endpoint({ method: 'POST' }))).toBe('not-put');
		expect(exclusionReason(endpoint({ method: 'DELETE' }))).toBe('not-put');
		expect(exclusionReason(endpoint({ response: 'Int32VBAResponse' }))).toBe('not-multi-status');
		expect(exclusionReason(endpoint({ response: null }))).toBe('not-multi-status');
		expect(exclusionReason(endpoint({ body: 'array<integer>', entity: null }))).toBe('not-entity-list');
		expect(exclusionReason(endpoint({ keyFields: [] }))).toBe('no-key-fields');
	});

	it('maps path params to body fields: vendor map first, then exact, then the vendor abbreviations', () => {
		const fields = [
			{ name: 'commissionRate_Key', type: 'integer', required: true, nullable: false },
			{ name: 'invoice_Key', type: 'integer', required: true, nullable: false },
		];
		const e = endpoint({ fields, keyParamMap: [{ param: 'parentKey', field: null, match: null }] });
		expect(mapPathParam(e, 'invoiceKey')).toEqual({ field: 'invoice_Key', match: 'exact' });
		expect(mapPathParam(e, 'commRateKey')).toEqual({ field: 'commissionRate_Key', match: 'abbreviation' });
		expect(mapPathParam(e, 'parentKey')).toEqual({ field: null, match: 'none' });
		expect(mapPathParam(e, 'unrelatedID')).toEqual({ field: null, match: 'none' });
	});

	it('generates the same bytes whatever the input order, with nested models once', () => {
		const doc = (endpoints: VendorEndpoint[]): VendorDoc => ({
			source: 'test',
			endpointCount: endpoints.length,
			endpoints,
			nestedModels: {
				Part: [{ name: 'sub', type: 'object:SubPart', required: false, nullable: true }],
				SubPart: [{ name: 'n', type: 'integer', required: true, nullable: false }],
				Unused: [],
			},
		});
		const widget = endpoint({
			fields: [
				{ name: 'zeta', type: 'string', required: false, nullable: true, maxLength: 5 },
				{ name: 'parts', type: 'array<object:Part>', required: false, nullable: true },
				{ name: 'widget_Key', type: 'integer', required: true, nullable: false },
			],
		});
		const gadget = endpoint({
			path: '/widgets/{widgetKey}/gadgets-batch',
			entity: 'Gadget',
			body: 'array<object:Gadget>',
			pathParams: [{ name: 'widgetKey', type: 'integer' }],
			keyFields: ['gadget_Key'],
			fields: [
				{ name: 'widget_Key', type: 'integer', required: true, nullable: false },
				{ name: 'gadget_Key', type: 'integer', required: true, nullable: false, minLength: 1 },
				{ name: 'more', type: 'map<object:Part>', required: false, nullable: true },
			],
		});
		const create = endpoint({ method: 'POST', path: '/widgets-create-batch' });
		const a = generate(doc([widget, gadget, create]));
		const b = generate(doc([create, gadget, widget]));
		expect(b.text).toBe(a.text);
		expect(a.report.included).toBe(2);
		expect(a.report.excluded).toEqual([{ method: 'POST', path: '/widgets-create-batch', reason: 'not-put' }]);
		expect(Object.keys(a.catalog.m)).toEqual(['Part', 'SubPart']);
		expect(a.catalog.e.map((e) => e[0])).toEqual(['/widgets-batch', '/widgets/{widgetKey}/gadgets-batch']);
		expect(a.catalog.e[0][5].map((f) => f[0])).toEqual(['widget_Key', 'parts', 'zeta']);
		expect(a.catalog.e[1][3]).toEqual([['widgetKey', 'integer', 'widget_Key']]);
		expect(a.catalog.e[1][5][0]).toEqual(['gadget_Key', 'integer', 1, null, 1]);
	});

	it('refuses a path whose placeholders disagree with its declared params', () => {
		const broken = endpoint({ path: '/widgets/{widgetKey}/gadgets-batch', pathParams: [] });
		expect(() => generate({ source: 't', endpointCount: 1, endpoints: [broken], nestedModels: {} })).toThrow(
			/placeholders/,
		);
	});
});
