import type { INodeParameterResourceLocator } from 'n8n-workflow';

import { describeValue } from '../../shared';

/**
 * A link to a job in BigChange's web app. Two shapes are accepted: the classic app's
 * `https://<host>.bigchange.com/jobschedule.aspx?jobid=160109788` (seen in public integrations) and
 * any `…bigchange.com/…/jobs/123` or `/job/123` path. The first run of digits after `jobid=` or
 * `/job(s)/` is the job ID. Kept as a string: the editor checks it with `new RegExp(source)`.
 */
export const JOB_URL_REGEX = '^https?://[^/?#]*bigchange\\.com(?::\\d+)?(?:[/?#].*?)??(?:[?&][Jj][Oo][Bb][_-]?[Ii][Dd]=|/[Jj][Oo][Bb][Ss]?/)(\\d+)';

const JOB_URL = new RegExp(JOB_URL_REGEX);
const DIGITS = /^\d{1,16}$/;

export type JobIdReading = { ok: true; jobId: number } | { ok: false; problem: string };

function fromText(text: string): number | undefined {
	const trimmed = text.trim();
	if (DIGITS.test(trimmed)) return Number(trimmed);
	const match = JOB_URL.exec(trimmed);
	return match ? Number(match[1]) : undefined;
}

/**
 * Reads the Job parameter whatever its mode: a number from an expression, digits, or a BigChange
 * link (in either mode, so a pasted link works in the ID box too). Job IDs are 1 or more.
 */
export function readJobId(parameter: INodeParameterResourceLocator | string | number | null | undefined): JobIdReading {
	const value = typeof parameter === 'object' && parameter !== null ? parameter.value : parameter;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { ok: false, problem: 'Job ID is empty' };
	const jobId = typeof value === 'number' ? value : typeof value === 'string' ? fromText(value) : undefined;
	if (jobId !== undefined && Number.isSafeInteger(jobId) && jobId >= 1) return { ok: true, jobId };
	return { ok: false, problem: `Job ID ${describeValue(value)} is not a job number or a BigChange job link` };
}
