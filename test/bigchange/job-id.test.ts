import { JOB_URL_REGEX, readJobId } from '../../nodes/BigChangeJobUpdate/helpers/job-id';

describe('BigChange job ID from a parameter', () => {
	it.each([
		[160109788, 160109788],
		['160109788', 160109788],
		[' 42 ', 42],
		['https://acme.bigchange.com/jobschedule.aspx?jobid=160109788', 160109788],
		['https://client.midas.develop.bigchange.com/jobschedule.aspx?jobid=7&tab=divInvoice', 7],
		['https://acme.bigchange.com/jobschedule.aspx?tab=x&JobID=8', 8],
		['http://acme.bigchange.com:8443/jobs/9/details', 9],
		['https://app.bigchange.com/job/10', 10],
		['https://app.bigchange.com/jobs/11', 11],
	])('reads %j as job %d', (value, expected) => {
		expect(readJobId({ __rl: true, mode: 'id', value })).toEqual({ ok: true, jobId: expected });
		expect(readJobId(value)).toEqual({ ok: true, jobId: expected });
	});

	it.each([
		['', 'Job ID is empty'],
		[null, 'Job ID is empty'],
		['0', 'Job ID "0" is not a job number or a BigChange job link'],
		[-3, 'Job ID -3 is not a job number or a BigChange job link'],
		[1.5, 'Job ID 1.5 is not a job number or a BigChange job link'],
		['JOB-12', 'Job ID "JOB-12" is not a job number or a BigChange job link'],
		['https://example.com/jobs/12', 'Job ID "https://example.com/jobs/12" is not a job number or a BigChange job link'],
		['https://acme.bigchange.com/contacts/12', 'Job ID "https://acme.bigchange.com/contacts/12" is not a job number or a BigChange job link'],
	])('refuses %j: %s', (value, problem) => {
		expect(readJobId({ __rl: true, mode: 'url', value })).toEqual({ ok: false, problem });
	});

	it('the URL regex has exactly one group and works without flags, as the editor and n8n run it', () => {
		const match = new RegExp(JOB_URL_REGEX).exec('https://acme.bigchange.com/jobschedule.aspx?jobid=55');
		expect(match?.slice(1)).toEqual(['55']);
	});
});
