import type { INodeProperties } from 'n8n-workflow';

import { toolDescription } from '../../shared';

const JOB = 'Job (string): the BigChange job number, e.g. 1001, or a link to the job.';
const RESULT = 'Returns one result, or an error saying what was wrong, e.g. that the job does not exist.';

/** What an AI agent reads about each operation used as a tool. */
export const toolDescriptions: INodeProperties[] = [
	toolDescription(
		'job',
		'update',
		`Changes some fields of one BigChange field-service job; fields not given keep their values. ${JOB} Description, Reference, Order_Number (string): new values, e.g. Replace pump seal; an empty value leaves the field unchanged. Person_ID (string): UUID of the job's contact person. Planned_Duration__Minutes_ (number): whole minutes, e.g. 90. Clear_Fields (string): fields to empty, comma-separated, from reference, orderNumber, personId; e.g. reference. ${RESULT}`,
	),
	toolDescription('job', 'get', `Reads one BigChange job: status, type, contact, description, reference, times. ${JOB} ${RESULT}`),
	toolDescription(
		'job',
		'getAll',
		'Lists BigChange jobs, newest first. Limit (number): how many, e.g. 20. Contact_ID, Type_ID (number): only the jobs of that contact or job type, e.g. 5001. Status (string): only jobs in that status, e.g. started. Returns one entry per job.',
	),
	toolDescription(
		'job',
		'create',
		`Creates one BigChange job. Job_Type_ID (number): the job type, e.g. 12. Contact_ID (number): the customer contact, e.g. 5001. Description, Reference, Order_Number (string): optional, e.g. Replace pump seal. Planned_Duration__Minutes_ (number): whole minutes, e.g. 60. Returns the new job's ID, or an error saying what BigChange refused.`,
	),
];
