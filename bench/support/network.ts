/**
 * The network every case runs over: the simulator serves HTTPS with a throwaway self-signed
 * certificate, a delay proxy (delay-proxy.ts) stands between it and the clients, and the process
 * that runs the node trusts the certificate the way a user's n8n would. n8n-core 2.41.1's request
 * path builds a plain `https.Agent` per request with no `ca` of its own (@n8n/backend-network
 * `http/node-agents.js`, `http/axios/utils.js` buildAgentOptions), so it trusts Node's default store,
 * which takes NODE_EXTRA_CA_CERTS when the process starts: that variable is set for the round
 * processes (and the raw clients they start), never `rejectUnauthorized: false`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { selfSignedCertificate } from '../../test/simulators/base/certificate';
import { runChildForResult, startChild, type ChildHandle } from './child';
import type { ProxyStats } from './delay-proxy';

/** BENCH_QUICK=1 shrinks every case to a smoke run of a few minutes in all. */
export const QUICK = process.env.BENCH_QUICK === '1';

/** Round trips each case runs at; BENCH_RTTS=80 runs one. */
export const RTTS_MS = (process.env.BENCH_RTTS ?? '20,80').split(',').map(Number);

export interface TlsFiles {
	keyFile: string;
	certFile: string;
}

export function makeTlsFiles(): TlsFiles {
	const dir = mkdtempSync(join(tmpdir(), 'bench-tls-'));
	const { key, cert } = selfSignedCertificate();
	const files = { keyFile: join(dir, 'key.pem'), certFile: join(dir, 'cert.pem') };
	writeFileSync(files.keyFile, key);
	writeFileSync(files.certFile, cert);
	return files;
}

/** For a simulator host: the key and certificate to serve HTTPS with. */
export function readTls(files: TlsFiles): { key: string; cert: string } {
	return { key: readFileSync(files.keyFile, 'utf8'), cert: readFileSync(files.certFile, 'utf8') };
}

/** The environment of a process that must trust the simulator, as a user's n8n would be set up. */
export function trustEnv(files: TlsFiles): NodeJS.ProcessEnv {
	return { NODE_EXTRA_CA_CERTS: files.certFile };
}

export interface Networked {
	/** The simulator's URL with its origin swapped for the proxy's. */
	baseUrl: string;
	host: ChildHandle;
	/** Connections through the proxy; the peak restarts at each call. */
	proxyStats(): Promise<ProxyStats>;
	stop(): Promise<void>;
}

/**
 * Starts a simulator host (a module that prints `READY <url>`) and a delay proxy in front of it,
 * each in its own process so neither's CPU counts against the client being measured.
 */
export async function startNetworked(hostModule: string, hostOptions: object, rttMs: number): Promise<Networked> {
	const host = startChild(hostModule, [JSON.stringify(hostOptions)]);
	const simUrl = new URL(await host.line('READY '));
	const proxy = startChild(join(__dirname, 'delay-proxy.ts'), [JSON.stringify({ target: simUrl.origin, rttMs })]);
	const port = await proxy.line('READY ');
	const proxied = new URL(simUrl.href);
	proxied.port = port;
	let reports = 0;
	return {
		baseUrl: proxied.href.replace(/\/$/, ''),
		host,
		proxyStats: async () => {
			const line = proxy.line(`STATS-${++reports} `);
			proxy.process.kill('SIGUSR2');
			return JSON.parse(await line) as ProxyStats;
		},
		stop: async () => {
			await proxy.stop();
			await host.stop();
		},
	};
}

/**
 * The node's run as the process that runs it sees it: n8n's time for it, the process's CPU over
 * the run (user + system, so n8n's request stack and GC count too), and the process's peak RSS
 * right after it.
 */
export async function measured<T>(run: () => Promise<T>): Promise<{ result: T; cpuUs: number; peakRssMb: number }> {
	const before = process.cpuUsage();
	const result = await run();
	const cpu = process.cpuUsage(before);
	return { result, cpuUs: cpu.user + cpu.system, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/** Runs `round` of a case file in a fresh process that trusts the simulator's certificate. */
export async function roundInChild<T>(caseFile: string, args: object, tls: TlsFiles): Promise<T> {
	return await runChildForResult<T>(caseFile, ['round', JSON.stringify({ ...args, tls })], trustEnv(tls));
}
