import type { VbaSimulator } from '../simulators/vba';
import { VBA_SIM_DEFAULTS } from '../simulators/vba';
import { expectEachItemOnce, runUpsert, startVbaSimulator } from './vba-fixture';

const DB = VBA_SIM_DEFAULTS.database;

interface Result {
	status: number;
	key: Record<string, string>;
	keyMatchedBy?: string;
	warning?: string;
}

describe('defect 12.2: VBA says when a server-assigned key was matched by position', () => {
	let sim: VbaSimulator;

	beforeEach(async () => {
		sim = await startVbaSimulator();
	});
	afterEach(async () => {
		await sim.stop();
	});

	const attachments = (count: number) =>
		Array.from({ length: count }, (_, n) => ({ caseAttachment_Key: 0, case_Key: 3, comment: `scan ${n}` }));

	it('300 new Case Attachments under a reordered answer: every item sent with others says its key is a guess', async () => {
		sim.shuffleResults(11);
		const run = await runUpsert({ sim, entity: '/case-attachments-batch', items: attachments(300) });
		expectEachItemOnce(run, 300);
		expect(run.errors).toEqual([]);
		expect(sim.shuffledAnswers).toBeGreaterThan(0);
		const stored = new Map(sim.store(DB, '/case-attachments-batch').map((record) => [record.caseAttachment_Key, record.comment]));
		let wrong = 0;
		// Item 0 went ahead alone (the run's first request): the one result in its answer is its own.
		expect((run.byInput.get(0)?.[0].json.vbaResult as Result).warning).toBeUndefined();
		for (const item of run.success.filter((candidate) => candidate.pairedItem !== 0 && (candidate.pairedItem as { item?: number }).item !== 0)) {
			const result = item.json.vbaResult as Result;
			expect(result.status).toBe(201);
			expect(result.keyMatchedBy).toBe('position');
			expect(result.warning).toMatch(/may belong to another record/);
			if (stored.get(Number(result.key.CaseAttachment_Key)) !== item.json.comment) wrong++;
		}
		// The simulator really did mix them up: the warning is about something real.
		expect(wrong).toBeGreaterThan(0);
	});

	it('a batch of only new records in the order sent still cannot be told apart, and says so', async () => {
		const run = await runUpsert({ sim, entity: '/case-attachments-batch', items: attachments(3) });
		expectEachItemOnce(run, 3);
		for (const item of run.success) {
			expect(item.json.vbaResult).toMatchObject({ status: 201, keyMatchedBy: 'position' });
			expect((item.json.vbaResult as Result).warning).toMatch(/may belong to another record/);
		}
	});

	it('one new record per batch is matched for sure: no warning', async () => {
		sim.shuffleResults(3);
		const run = await runUpsert({ sim, entity: '/case-attachments-batch', items: attachments(3), options: { batchSize: 1 } });
		expectEachItemOnce(run, 3);
		const stored = new Map(sim.store(DB, '/case-attachments-batch').map((record) => [record.caseAttachment_Key, record.comment]));
		for (const item of run.success) {
			const result = item.json.vbaResult as Result;
			expect(result.keyMatchedBy).toBe('position');
			expect(result.warning).toBeUndefined();
			expect(stored.get(Number(result.key.CaseAttachment_Key))).toBe(item.json.comment);
		}
	});

	it('new records beside known keys answered in the order sent are matched by that order, without a warning', async () => {
		const run = await runUpsert({
			sim,
			entity: '/jobs/{jobID}/executions-batch',
			items: [
				{ job_ID: 'J-1', jobExecution_Key: 0, vbA_Execute_Result: 'first' },
				{ job_ID: 'J-1', jobExecution_Key: 77, vbA_Execute_Result: 'known' },
				{ job_ID: 'J-1', jobExecution_Key: 0, vbA_Execute_Result: 'second' },
			],
		});
		expectEachItemOnce(run, 3);
		const results = [0, 1, 2].map((index) => run.byInput.get(index)?.[0].json.vbaResult as Result);
		expect(results.map((result) => result.keyMatchedBy)).toEqual(['position', 'key', 'position']);
		expect(results.map((result) => result.warning)).toEqual([undefined, undefined, undefined]);
	});

	it('records matched by their own key say so', async () => {
		sim.shuffleResults(5);
		const run = await runUpsert({ sim, entity: '/jobs-batch', items: [{ job_ID: 'A' }, { job_ID: 'B' }, { job_ID: 'C' }] });
		expect(run.success.map((item) => (item.json.vbaResult as Result).keyMatchedBy)).toEqual(['key', 'key', 'key']);
		expect(run.success.map((item) => (item.json.vbaResult as Result).warning)).toEqual([undefined, undefined, undefined]);
	});
});
