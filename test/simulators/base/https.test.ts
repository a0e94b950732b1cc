import { Agent, request } from 'undici';

import { hasOpenssl, selfSignedCertificate } from './certificate';
import { SimServer } from './index';

const itWithOpenssl = hasOpenssl ? it : it.skip;

describe('SimServer over HTTPS', () => {
	itWithOpenssl('serves https on 127.0.0.1; trusted with the CA, refused without it', async () => {
		const tls = selfSignedCertificate();
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
