import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';

import { SimServer } from './index';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const itWithOpenssl = hasOpenssl ? it : it.skip;

/** A throwaway self-signed certificate for 127.0.0.1, made fresh so no key lives in the repository. */
function selfSignedCert(): { key: string; cert: string } {
	const dir = mkdtempSync(join(tmpdir(), 'sim-cert-'));
	try {
		execFileSync(
			'openssl',
			[
				'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
				'-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
				'-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
			],
			{ stdio: 'ignore' },
		);
		return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('SimServer over HTTPS', () => {
	itWithOpenssl('serves https on 127.0.0.1; trusted with the CA, refused without it', async () => {
		const tls = selfSignedCert();
		const sim = new SimServer({ name: 'tls', https: tls });
		sim.route('GET', '/secure', () => ({ status: 200, body: { secure: true } }));
		const base = await sim.start();
		const trusting = new Agent({ connect: { ca: tls.cert } });
		const strict = new Agent();
		try {
			expect(base).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
			const res = await request(`${base}/secure`, { dispatcher: trusting });
			expect(res.statusCode).toBe(200);
			expect(await res.body.json()).toEqual({ secure: true });
			await expect(request(`${base}/secure`, { dispatcher: strict })).rejects.toMatchObject({
				code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
			});
			// Only the request that completed the handshake reached the application.
			expect(sim.log).toHaveLength(1);
		} finally {
			await trusting.close();
			await strict.close();
			await sim.stop();
		}
	});
});
