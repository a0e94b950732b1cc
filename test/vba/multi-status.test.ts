import { matchResults, summarize, type VbaRecordResult } from '../../nodes/VbaBatchUpsert/helpers/multi-status';

const result = (jobId: string, status = 201, body = 'Created'): VbaRecordResult => ({ id: [{ key: 'Job_ID', value: jobId }], status, body });

describe('matching 207 results to the records sent', () => {
	const records = [{ job_ID: 'A' }, { job_ID: 'B' }, { job_ID: 'C' }];

	it('takes results answered in the order sent as they are', () => {
		const results = [result('A'), result('B', 200, 'Updated'), result('C')];
		expect(matchResults(records, ['job_ID'], results).results).toEqual(results);
	});

	it('matches shuffled results by key', () => {
		const [a, b, c] = [result('A'), result('B'), result('C')];
		expect(matchResults(records, ['job_ID'], [c, a, b]).results).toEqual([a, b, c]);
	});

	it('leaves a record without a result unmatched, even when the others are in order', () => {
		const [a, c] = [result('A'), result('C')];
		expect(matchResults(records, ['job_ID'], [a, c]).results).toEqual([a, undefined, c]);
	});

	it('gives a key sent twice its results in order, however they are placed', () => {
		const twice = [{ job_ID: 'A' }, { job_ID: 'B' }, { job_ID: 'A' }];
		const [first, second, b] = [result('A', 201, 'first'), result('A', 200, 'second'), result('B')];
		expect(matchResults(twice, ['job_ID'], [first, b, second]).results).toEqual([first, b, second]);
		expect(matchResults(twice, ['job_ID'], [b, first, second]).results).toEqual([first, b, second]);
	});

	it('does not take a result in place when its key is another record\'s', () => {
		const [a, b, c] = [result('A'), result('B'), result('C')];
		expect(matchResults(records, ['job_ID'], [b, a, c]).results).toEqual([a, b, c]);
	});

	it('summarizes a result as status, message and key', () => {
		expect(summarize(result('A', 201, 'Created'))).toEqual({ status: 201, message: 'Created', key: { Job_ID: 'A' } });
	});
});

describe('matching results of records awaiting a server-assigned key', () => {
	const created = (caseKey: string, executionKey: string): VbaRecordResult => ({
		id: [
			{ key: 'Job_ID', value: caseKey },
			{ key: 'JobExecution_Key', value: executionKey },
		],
		status: 201,
		body: 'Created',
	});
	const keys = ['job_ID', 'jobExecution_Key'];

	it('is sure of a new record no other new record of the batch could be confused with', () => {
		const records = [
			{ job_ID: 'A', jobExecution_Key: 0 },
			{ job_ID: 'B', jobExecution_Key: 0 },
		];
		const [a, b] = [created('A', '1'), created('B', '2')];
		const match = matchResults(records, keys, [b, a]);
		expect(match.results).toEqual([a, b]);
		expect([...match.byPosition]).toEqual([0, 1]);
		expect(match.uncertain.size).toBe(0);
	});

	it('is not sure of new records alike in their set keys when the known keys came back reordered', () => {
		const records = [
			{ job_ID: 'A', jobExecution_Key: 0 },
			{ job_ID: 'A', jobExecution_Key: 9 },
			{ job_ID: 'A', jobExecution_Key: 0 },
		];
		const match = matchResults(records, keys, [created('A', '9'), created('A', '10'), created('A', '11')]);
		expect(match.order).toBe('reordered');
		expect([...match.uncertain]).toEqual([0, 2]);
	});

	it('trusts the order of an answer whose known keys all came back in place', () => {
		const records = [
			{ job_ID: 'A', jobExecution_Key: 0 },
			{ job_ID: 'A', jobExecution_Key: 9 },
			{ job_ID: 'A', jobExecution_Key: 0 },
		];
		const results = [created('A', '10'), created('A', '9'), created('A', '11')];
		const match = matchResults(records, keys, results);
		expect(match.order).toBe('as-sent');
		expect(match.results).toEqual(results);
		expect(match.uncertain.size).toBe(0);
	});

	it('is not sure when there is no known key to check the order by', () => {
		const records = [
			{ job_ID: 'A', jobExecution_Key: 0 },
			{ job_ID: 'A', jobExecution_Key: 0 },
		];
		const match = matchResults(records, keys, [created('A', '1'), created('A', '2')]);
		expect(match.order).toBe('unknown');
		expect([...match.uncertain]).toEqual([0, 1]);
	});
});
