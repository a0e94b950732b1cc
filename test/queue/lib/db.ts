import { createRequire } from 'module';
import { join } from 'path';
import type { IRun } from 'n8n-workflow';

import { execOk } from '../../e2e/lib/exec';
import { N8N_DIR } from '../../e2e/lib/paths';
import type { Services } from './services';

/** n8n stores run data with `flatted` (it has cycles); read it with n8n's own copy. */
const flatted = createRequire(join(N8N_DIR, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse(text: string): unknown };

export interface StoredExecution {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

/** n8n's Postgres database, read with psql: what the executions list and the execution view show. */
export class N8nDatabase {
	constructor(
		private readonly services: Services,
		private readonly psqlBin: string,
	) {}

	async query(sql: string): Promise<string> {
		const { host, port, user, database } = this.services.postgres;
		const { stdout } = await execOk(this.psqlBin, ['-h', host, '-p', String(port), '-U', user, '-d', database, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], { timeoutMs: 60_000 });
		return stdout;
	}

	/** One JSON row per line, so no value's text is mistaken for a separator. */
	async rows<T>(sql: string): Promise<T[]> {
		const out = await this.query(`SELECT row_to_json(t) FROM (${sql}) t`);
		return out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
	}

	async executions(workflowId: string): Promise<StoredExecution[]> {
		return await this.rows<StoredExecution>(
			`SELECT id::text, "workflowId", status, mode, "startedAt", "stoppedAt" FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, "''")}' ORDER BY id`,
		);
	}

	async execution(id: string): Promise<StoredExecution | undefined> {
		return (await this.rows<StoredExecution>(`SELECT id::text, "workflowId", status, mode, "startedAt", "stoppedAt" FROM execution_entity WHERE id = ${Number(id)}`))[0];
	}

	/** The run data as n8n saved it (`IRun['data']`). */
	async runData(id: string): Promise<IRun['data'] | undefined> {
		const out = await this.query(`SELECT data FROM execution_data WHERE "executionId" = ${Number(id)}`);
		return out.trim() ? (flatted.parse(out.trim()) as IRun['data']) : undefined;
	}

	/** As `n8n publish:workflow` does it: the current version becomes the active one. */
	async publish(ids: string[]): Promise<void> {
		const list = ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ');
		await this.query(`UPDATE workflow_entity SET active = true, "activeVersionId" = "versionId" WHERE id IN (${list})`);
	}
}
