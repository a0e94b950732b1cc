import { CARE_CASES, JOBS } from './fixtures';
import { simCatalogFrom, toSimCatalogEntry, type CatalogEntitySource } from './index';

describe('VBAPI simulator: catalog adapter', () => {
	it('maps a generated-catalog entity to a simulator entry, PUT by default', () => {
		const entry = toSimCatalogEntry(CARE_CASES);
		expect(entry.path).toBe('/care-plans/{carePlanKey}/cases-batch');
		expect(entry.method).toBe('PUT');
		expect(entry.model).toBe('CareCase');
		expect(entry.pathParams).toEqual([{ name: 'carePlanKey', type: 'integer', field: 'carePlan_Key' }]);
		expect(entry.keyFields).toEqual(['carePlan_Key', 'case_Key']);
		expect(entry.fields).toHaveLength(25);
		expect(entry.fields.find((f) => f.name === 'case_Status')).toEqual({ name: 'case_Status', type: 'string', required: false, nullable: true, maxLength: 8 });
	});

	it('drops properties the simulator does not use and leaves absent lengths absent', () => {
		const source: CatalogEntitySource & { displayName: string } = {
			...JOBS,
			displayName: 'Job',
			method: 'put',
			fields: [{ name: 'job_ID', type: 'string', required: true, nullable: false }],
		};
		const entry = toSimCatalogEntry(source);
		expect(entry).toEqual({ path: '/jobs-batch', method: 'PUT', model: 'Job', pathParams: [], keyFields: ['job_ID'], fields: [{ name: 'job_ID', type: 'string', required: true, nullable: false }] });
		expect('maxLength' in entry.fields[0]).toBe(false);
	});

	it('converts any iterable of entities', () => {
		function* entities() {
			yield JOBS;
			yield CARE_CASES;
		}
		expect(simCatalogFrom(entities()).map((e) => e.path)).toEqual(['/jobs-batch', '/care-plans/{carePlanKey}/cases-batch']);
	});
});
