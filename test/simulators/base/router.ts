import type { RouteHandler } from './types';

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string };

interface PatternRoute {
	method: string;
	segments: Segment[];
	/** Name of the trailing wildcard param, if the pattern ends in '*' or '*name'. */
	rest?: string;
	handler: RouteHandler;
}

export type RouteMatch =
	| { kind: 'found'; handler: RouteHandler; params: Record<string, string> }
	| { kind: 'method-not-allowed'; allow: string[] }
	| { kind: 'not-found' };

const PARAM_COLON = /^:([A-Za-z_$][\w$]*)$/;
const PARAM_BRACE = /^\{([A-Za-z_$][\w$]*)\}$/;
const WILDCARD = /^\*([A-Za-z_$][\w$]*)?$/;

function decode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/**
 * Paths without params sit in a map so the hot path of a benchmark (one static batch URL hit
 * thousands of times) is a hash lookup; only param patterns are scanned, in registration order.
 * Both ':name' and '{name}' are accepted because vendor catalogs use the OpenAPI braces.
 */
export class Router {
	private readonly exact = new Map<string, Map<string, RouteHandler>>();
	private readonly patterns: PatternRoute[] = [];

	add(method: string, pattern: string, handler: RouteHandler): void {
		const upper = method.toUpperCase();
		const parts = pattern.split('/').slice(1);
		const segments: Segment[] = [];
		let rest: string | undefined;
		parts.forEach((part, index) => {
			const wildcard = WILDCARD.exec(part);
			if (wildcard) {
				if (index !== parts.length - 1) throw new Error(`Wildcard must be last in route ${pattern}`);
				rest = wildcard[1] ?? '*';
				return;
			}
			const param = PARAM_COLON.exec(part) ?? PARAM_BRACE.exec(part);
			segments.push(param ? { kind: 'param', name: param[1] } : { kind: 'literal', value: part });
		});
		if (rest === undefined && segments.every((s) => s.kind === 'literal')) {
			let byMethod = this.exact.get(pattern);
			if (!byMethod) {
				byMethod = new Map();
				this.exact.set(pattern, byMethod);
			}
			byMethod.set(upper, handler);
			return;
		}
		this.patterns.push({ method: upper, segments, rest, handler });
	}

	match(method: string, path: string): RouteMatch {
		const upper = method.toUpperCase();
		const allow = new Set<string>();
		const byMethod = this.exact.get(path);
		if (byMethod) {
			const handler = byMethod.get(upper);
			if (handler) return { kind: 'found', handler, params: {} };
			for (const m of byMethod.keys()) allow.add(m);
		}
		if (this.patterns.length > 0) {
			const parts = path.split('/').slice(1);
			for (const route of this.patterns) {
				const params = matchSegments(route, parts);
				if (!params) continue;
				if (route.method === upper) return { kind: 'found', handler: route.handler, params };
				allow.add(route.method);
			}
		}
		return allow.size > 0 ? { kind: 'method-not-allowed', allow: [...allow] } : { kind: 'not-found' };
	}
}

function matchSegments(route: PatternRoute, parts: string[]): Record<string, string> | undefined {
	const { segments, rest } = route;
	if (rest === undefined ? parts.length !== segments.length : parts.length < segments.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		const part = parts[i];
		if (segment.kind === 'literal') {
			if (segment.value !== part) return undefined;
		} else {
			// An empty segment ('/jobs//x') is not a value for a param.
			if (part === '') return undefined;
			params[segment.name] = decode(part);
		}
	}
	if (rest !== undefined) params[rest] = parts.slice(segments.length).map(decode).join('/');
	return params;
}
