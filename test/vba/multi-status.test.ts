import { matchResults, summarize, type VbaRecordResult } from '../../nodes/VbaBatchUpsert/multi-status';

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
