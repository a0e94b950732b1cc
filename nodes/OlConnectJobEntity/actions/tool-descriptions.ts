import type { INodeProperties } from 'n8n-workflow';

import { toolDescription } from '../../shared';

const JOB = 'Job_ID (number): the numeric ID of the OL Connect print job, e.g. 1001.';
const ERROR = 'An error says what was wrong, e.g. that there is no such job.';
const PROPERTIES = 'Name and Value (string): each entry to set, e.g. status and mailed; in Merge mode the entries not given keep their values.';

/** What an AI agent reads about each operation used as a tool. */
export const toolDescriptions: INodeProperties[] = [
	toolDescription('job', 'getContentItems', `Lists the content items (one per data record) of an OL Connect job. ${JOB} ${ERROR}`),
	toolDescription('job', 'getJobSegments', `Lists the segments of an OL Connect job. ${JOB} ${ERROR}`),
	toolDescription('job', 'getMetadata', `Reads the metadata of an OL Connect job as name/value pairs, e.g. Customer: ACME. ${JOB} ${ERROR}`),
	toolDescription('job', 'getProperties', `Reads the properties of an OL Connect job as name/value pairs, e.g. status: printed. ${JOB} ${ERROR}`),
	toolDescription('job', 'updateMetadata', `Sets metadata of one OL Connect job. ${JOB} ${PROPERTIES} ${ERROR}`),
	toolDescription('job', 'updateProperties', `Sets properties of one OL Connect job. ${JOB} ${PROPERTIES} ${ERROR}`),
	toolDescription('job', 'updateManyProperties', `Sets properties of OL Connect jobs, many in one request. ${JOB} ${PROPERTIES} ${ERROR}`),
];
