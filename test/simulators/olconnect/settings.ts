/** Roles a Connect 2020.2+ user can hold; job data needs the Data Handler role. */
export type OlcRole = 'ROLE_DATA' | 'ROLE_RESOURCE' | 'ROLE_MONITOR';

export interface OlcSimUser {
	username: string;
	password: string;
	roles: OlcRole[];
}

/**
 * Switches read on every request, so a test can flip them between calls. Defaults follow
 * docs/vendor-apis.md §3; where the documentation is silent the choice is named here and the other
 * variant is one switch away.
 */
export interface OlcSimSettings {
	/** "Server security settings enabled": off means no header is needed at all. */
	security: boolean;
	/**
	 * 'json': Connect 2023.1 and later: every error is a JSON Error `{error:{status,message,parameter}}`,
	 * 401 for missing, invalid or expired credentials, 403 only for a missing role.
	 * 'legacy': earlier versions: empty or plain-text bodies, 401 for missing credentials or an
	 * expired token, 403 for invalid credentials or an unknown token.
	 */
	errorStyle: 'json' | 'legacy';
	/** "Session expiration time (mins)", between one minute and one year. */
	sessionMinutes: number;
	users: OlcSimUser[];
	/**
	 * `PUT /entity/jobs/properties`. The docs say the single-job update replaces the list but only
	 * "update one or more properties" for the many-jobs call; 'replace' treats both alike.
	 */
	manyUpdate: 'replace' | 'merge';
	/**
	 * Undocumented: whether a many-jobs update naming a missing job leaves the others untouched
	 * (true) or applies the jobs before the failing one (false).
	 */
	manyUpdateAtomic: boolean;
	/**
	 * The status a 2023.1+ server gives a many-jobs update naming a missing job, with the job in the
	 * JSON Error's `parameter`. 404 is what the single-job calls answer and what a real server was
	 * seen to answer; 500 is the "failed to process" status the docs give for job calls. Older
	 * servers answer a bare 500 either way.
	 */
	manyMissingStatus: 404 | 500;
}

export const OLC_SIM_DEFAULTS = Object.freeze({
	username: 'olc-user',
	password: 'secret-olc-password',
	monitorUsername: 'monitor-only',
	monitorPassword: 'monitor-password',
});

export const MAX_SESSION_MINUTES = 525_600;

export function defaultSettings(): OlcSimSettings {
	return {
		security: true,
		errorStyle: 'json',
		sessionMinutes: 60,
		users: [
			{ username: OLC_SIM_DEFAULTS.username, password: OLC_SIM_DEFAULTS.password, roles: ['ROLE_DATA', 'ROLE_RESOURCE'] },
			{ username: OLC_SIM_DEFAULTS.monitorUsername, password: OLC_SIM_DEFAULTS.monitorPassword, roles: ['ROLE_MONITOR'] },
		],
		manyUpdate: 'replace',
		manyUpdateAtomic: true,
		manyMissingStatus: 404,
	};
}
