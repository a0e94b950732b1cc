/**
 * `npm run queue:services`: Postgres and Redis as `npm run test:queue` runs them (installed with
 * apt-get when missing, on 127.0.0.1 and free ports), for trying queue mode by hand. Prints the
 * n8n settings that point at them, and ends both on Ctrl-C.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { startServices } from './lib/services';

async function main(): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'n8n-queue-services-'));
	const services = await startServices(folder, (line) => console.log(line));
	const { postgres, redis } = services;
	console.log(`DB_TYPE=postgresdb DB_POSTGRESDB_HOST=${postgres.host} DB_POSTGRESDB_PORT=${postgres.port} DB_POSTGRESDB_USER=${postgres.user} DB_POSTGRESDB_DATABASE=${postgres.database}`);
	console.log(`EXECUTIONS_MODE=queue QUEUE_BULL_REDIS_HOST=${redis.host} QUEUE_BULL_REDIS_PORT=${redis.port}`);
	const stop = async () => {
		await services.stop();
		rmSync(folder, { recursive: true, force: true });
		process.exit(0);
	};
	if (process.argv.includes('--check')) return await stop();
	console.log('Postgres and Redis are running; Ctrl-C ends both.');
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
