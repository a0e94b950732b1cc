/**
 * The slow server: 50,000 Job records through VBA Batch Upsert at the node's defaults (batches of
 * 100), against the simulator with VBAPI's limit on (25 requests/s, bursts of 50) and a server that
 * takes 1 s per batch of 100 (100 ms + 9 ms per record), at a round trip of 80 ms over HTTPS.
 * Holding 25/s then needs about 25 × (3 × 80 ms + 1 s) ≈ 31 requests in flight
 * (docs/n8n-request-path.md). Target: `limit_ratio` ≤ 1.05, the node's time within 5% of 500
 * requests at 25/s, with `status_429=0`. Same figures as vba-upsert; `ratio` and `errors` are kept
 * from this case's earlier line (ratio = limit_ratio; errors = records not saved + 429s drawn).
 * BENCH_RTTS chooses other round trips.
 */
import { benchLine } from '../support/measure';
import { makeTlsFiles, QUICK, roundInChild } from '../support/network';
import { vbaFigures, vbaRound, type VbaRoundOptions, type VbaRoundResult } from '../support/vba-round';
import { caseEntry } from '../support/entry';

const ITEMS = Number(process.env.BENCH_VBA_PACED_ITEMS ?? (QUICK ? 10_000 : 50_000));
const SERVER_MS = { fixed: 100, perRecord: 9 };
const RTTS = (process.env.BENCH_RTTS ?? '80').split(',').map(Number);

async function main(): Promise<void> {
	const tls = makeTlsFiles();
	for (const rttMs of RTTS) {
		const result = await roundInChild<VbaRoundResult>(__filename, { rttMs }, tls);
		const figures = vbaFigures(rttMs, ITEMS, result);
		console.log(
			benchLine('vba-upsert-paced', {
				...figures,
				ratio: figures.limit_ratio,
				errors: ITEMS - result.success + result.rateLimited,
				server_ms_per_batch: SERVER_MS.fixed + 100 * SERVER_MS.perRecord,
			}),
		);
	}
}

caseEntry({
	main,
	round: async (args: Pick<VbaRoundOptions, 'rttMs' | 'tls'>) => await vbaRound({ ...args, items: ITEMS, serverMs: SERVER_MS, warmUp: 2_000 }),
});
