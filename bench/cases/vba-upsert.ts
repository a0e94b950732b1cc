/**
 * 100,000 Job records through VBA Batch Upsert (batches of 100, every other option at the node's
 * default) in n8n's engine, over HTTPS through a delay proxy at each round trip in RTTS_MS, against
 * the simulator with VBAPI's documented limit on (25 requests/s, bursts of 50) and a server time of
 * SERVER_MS per batch. Each round trip runs in a fresh process that trusts the simulator's
 * certificate through NODE_EXTRA_CA_CERTS, as a user's n8n would.
 *
 * Per round trip one `BENCH vba-upsert rtt_ms=…` line:
 * - `limit_ratio`: the node's time (n8n's executionTime for it) ÷ the least time VBAPI's limit allows
 *   for its requests (requests ÷ 25 per second);
 * - `floor_ratio`: ÷ n8n's bare helper sending the same batches with the node's lanes at 25/s;
 * - `raw_ratio`: ÷ a keep-alive undici client doing the same through the same proxy;
 * - `peak_rss_mb`: the process's high-water mark after the node's first full-size run (target ≤ 300
 *   at 100,000 records); `cpu_us_per_item`: that process's CPU over the node's run ÷ records;
 * - `lanes`: the most connections the node had open at once (n8n opens one per request), which the
 *   raw client and the floor then use; `status_429`: what the node drew from the limit.
 *
 * Server time, chosen: VBAPI validates and writes every record of a batch before it answers, so
 * its time grows with the batch; 40 ms + 2 ms per record (240 ms per 100) is a modest guess for a
 * hosted SQL-backed API. The slow case (vba-upsert-paced) uses 1 s per 100.
 */
import { benchLine } from '../support/measure';
import { makeTlsFiles, QUICK, roundInChild, RTTS_MS } from '../support/network';
import { vbaFigures, vbaRound, type VbaRoundOptions, type VbaRoundResult } from '../support/vba-round';
import { caseEntry } from '../support/entry';

const ITEMS = Number(process.env.BENCH_VBA_ITEMS ?? (QUICK ? 10_000 : 100_000));
const SERVER_MS = { fixed: 40, perRecord: 2 };

async function main(): Promise<void> {
	const tls = makeTlsFiles();
	for (const rttMs of RTTS_MS) {
		const result = await roundInChild<VbaRoundResult>(__filename, { rttMs }, tls);
		console.log(benchLine('vba-upsert', vbaFigures(rttMs, ITEMS, result)));
	}
}

caseEntry({
	main,
	round: async (args: Pick<VbaRoundOptions, 'rttMs' | 'tls'>) => await vbaRound({ ...args, items: ITEMS, serverMs: SERVER_MS, warmUp: 2_000 }),
});
