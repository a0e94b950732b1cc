import type { INodeListSearchResult, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import { listEntities } from '../../nodes/VbaBatchUpsert/catalog';
import { VbaBatchUpsert } from '../../nodes/VbaBatchUpsert/VbaBatchUpsert.node';
import { callNodeMethod } from '../harness';

const entityParameter = (id: string) => ({ entity: { __rl: true, mode: 'list', value: id } });

describe('VBA Batch Upsert in the editor', () => {
	const type = new VbaBatchUpsert();

	it('finds an entity among 750-odd by a few letters of its name', async () => {
		const found = await callNodeMethod<INodeListSearchResult>({
			type,
			kind: 'listSearch',
			method: 'searchEntities',
			parameters: {},
			args: ['case attach'],
		});
		expect(found.results[0]).toEqual({ name: 'Case Attachment', value: '/case-attachments-batch', description: '/case-attachments-batch' });
		const all = await callNodeMethod<INodeListSearchResult>({ type, kind: 'listSearch', method: 'searchEntities', parameters: {} });
		expect(all.results).toHaveLength(listEntities().length);
	});

	it('gives the field mapper every field of every entity, typed, with required and key markers', async () => {
		for (const entity of listEntities()) {
			const mapped = await callNodeMethod<ResourceMapperFields>({
				type,
				kind: 'resourceMapping',
				method: 'getFields',
				parameters: entityParameter(entity.id),
			});
			expect(mapped.fields.map((field) => field.id)).toEqual(entity.fields.map((field) => field.name));
			expect(mapped.fields.filter((field) => field.required).map((field) => field.id)).toEqual(
				entity.fields.filter((field) => field.required).map((field) => field.name),
			);
		}
		const jobs = await callNodeMethod<ResourceMapperFields>({
			type,
			kind: 'resourceMapping',
			method: 'getFields',
			parameters: entityParameter('/jobs-batch'),
		});
		expect(jobs.fields.find((field) => field.id === 'job_ID')).toMatchObject({ displayName: 'job_ID (key)', required: true, type: 'string' });
		expect(jobs.fields.find((field) => field.id === 'entry_Date')).toMatchObject({ type: 'dateTime', required: false });
	});

	it('lists a nested entity\'s parent keys for the Parent Keys dropdown', async () => {
		const keys = await callNodeMethod<INodePropertyOptions[]>({
			type,
			kind: 'loadOptions',
			method: 'getParentKeyNames',
			parameters: entityParameter('/care-plans/{carePlanKey}/cases-batch'),
		});
		expect(keys).toEqual([{ name: 'carePlanKey', value: 'carePlanKey', description: 'Also the record field carePlan_Key' }]);
	});

	it('says plainly when the entity is not one it knows', async () => {
		await expect(
			callNodeMethod({ type, kind: 'resourceMapping', method: 'getFields', parameters: entityParameter('/no-such-batch') }),
		).rejects.toThrow('"/no-such-batch" is not a VBAPI batch entity this node knows');
	});
});
