import type { IDataObject } from 'n8n-workflow';

/**
 * The same Job records for the node and the raw client: what a CSV import of jobs would carry.
 * Each run gets its own ID prefix, so every run creates records (the same work for the simulator)
 * rather than one path updating what the other created.
 */
export function jobRecords(count: number, prefix = 'JOB'): IDataObject[] {
	return Array.from({ length: count }, (_, n) => ({
		job_ID: `${prefix}-${String(n).padStart(7, '0')}`,
		description: `Nightly export for client ${n % 997}`,
		job_Type: n % 3 === 0 ? 'EXPORT' : 'IMPORT',
		criteria_Object: 'ClaimBatch',
		entry_User: 'n8n',
	}));
}

/** A running n8n has its engine and node code warm; each path runs this much once before timing. */
export const WARM_UP_ITEMS = 2_000;
