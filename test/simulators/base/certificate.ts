import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

/**
 * A throwaway self-signed certificate for 127.0.0.1 (what an on-premises server with HTTPS switched
 * on usually has), made at test time so no key lives in the repository.
 */
export function selfSignedCertificate(): { key: string; cert: string } {
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
