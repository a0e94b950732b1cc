import type { SimRequest, SimResponse } from '../base';

/**
 * The JAX-RS rules a Java REST server applies before any resource method runs: a client that
 * accepts none of the types a method produces gets 406, and a body that is not JSON gets 415.
 */
export function notAcceptable(req: SimRequest, produces: string): SimResponse | undefined {
	const accept = req.headers.accept;
	if (accept === undefined || accept.trim() === '') return undefined;
	const [type] = produces.split('/');
	const ranges = accept.split(',').map((range) => range.split(';')[0].trim().toLowerCase());
	const ok = ranges.some((range) => range === '*/*' || range === produces || range === `${type}/*`);
	return ok ? undefined : { status: 406 };
}

export function unsupportedMediaType(req: SimRequest): SimResponse | undefined {
	const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	return type === 'application/json' ? undefined : { status: 415 };
}
