import { randomUUID } from 'node:crypto';

import type { SimResponse } from '../base';

/**
 * Amazon API Gateway answers authentication and throttling failures itself, before Rightsline's
 * code runs: a bare `{"message": …}` body, the error type in `x-amzn-ErrorType`, a request ID in
 * `x-amzn-RequestId`, and no Retry-After on a 429.
 */
export type GatewayErrorType =
	| 'ForbiddenException'
	| 'MissingAuthenticationTokenException'
	| 'IncompleteSignatureException'
	| 'InvalidSignatureException'
	| 'UnrecognizedClientException'
	| 'ExpiredTokenException'
	| 'TooManyRequestsException'
	| 'LimitExceededException';

export function gatewayError(status: number, type: GatewayErrorType, message: string): SimResponse {
	return {
		status,
		headers: { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.coral.service/`, 'x-amzn-requestid': randomUUID() },
		body: { message },
	};
}

/** Rightsline's own answers carry `x-ris-request-id`, which its support desk asks for. */
export function rightslineResponse(status: number, body?: unknown): SimResponse {
	return { status, headers: { 'x-ris-request-id': randomUUID() }, body };
}

export const GATEWAY_MESSAGES = {
	forbidden: 'Forbidden',
	missingToken: 'Missing Authentication Token',
	invalidToken: 'The security token included in the request is invalid.',
	expiredToken: 'The security token included in the request is expired',
	tooManyRequests: 'Too Many Requests',
	limitExceeded: 'Limit Exceeded',
} as const;
