import { call, type CallResult } from '../base';

export function basic(username: string, password: string): string {
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export { call, type CallResult };
