import type { SimResponse } from '../base';

/** RFC 7807 problem details, the documented shape of BigChange's 400/403/404/500 answers. */
export interface BigChangeProblem {
	type: string;
	title: string;
	status: number;
	detail: string | null;
	instance: string | null;
}

/** The documented 422 (and ASP.NET's 400 for unreadable values): a problem plus an errors map per property. */
export interface BigChangeValidationProblem extends BigChangeProblem {
	errors: Record<string, string[]>;
}

const TYPES: Record<number, string> = {
	400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
	401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
	403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
	404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
	422: 'https://tools.ietf.org/html/rfc4918#section-11.2',
	500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
};

const TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	422: 'Unprocessable Entity',
	500: 'Internal Server Error',
};

const PROBLEM_JSON = { 'content-type': 'application/problem+json; charset=utf-8' };

export function problem(status: number, detail: string | null, instance: string | null, title = TITLES[status] ?? 'Error'): SimResponse {
	const body: BigChangeProblem = { type: TYPES[status] ?? 'about:blank', title, status, detail, instance };
	return { status, headers: PROBLEM_JSON, body };
}

export function validationProblem(status: 400 | 422, errors: Record<string, string[]>, instance: string | null): SimResponse {
	const body: BigChangeValidationProblem = {
		errors,
		type: TYPES[status],
		title: 'One or more validation errors occurred.',
		status,
		detail: null,
		instance,
	};
	return { status, headers: PROBLEM_JSON, body };
}

/** Collects property errors the way ASP.NET's ModelState does: several messages per property. */
export class ErrorMap {
	readonly errors: Record<string, string[]> = {};

	add(property: string, message: string): void {
		(this.errors[property] ??= []).push(message);
	}

	get empty(): boolean {
		return Object.keys(this.errors).length === 0;
	}
}
