import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
} from 'n8n-workflow';

/** One saved credential, as a user would have created it in the n8n UI. */
export interface CredentialRecord {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** What the helper did, so tests can assert how often a token was fetched or saved. */
export interface CredentialActivity {
	preAuthentications: number;
	forcedRefreshes: number;
	updates: number;
}

/**
 * Does what n8n's server-side CredentialsHelper does for a running workflow: applies property
 * defaults on decrypt, resolves `generic` authenticate expressions against `$credentials`, calls
 * function authenticate, runs `preAuthentication` when the hidden expirable property is empty or a
 * 401 forced a refresh, and saves the result so later requests of the run reuse it.
 * n8n's own helper is not published, so this mirrors packages/cli/src/credentials-helper.ts.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	private readonly records = new Map<string, CredentialRecord>();

	readonly activity = new Map<string, CredentialActivity>();

	constructor(credentialTypes: ICredentialType[], records: CredentialRecord[] = []) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
		for (const record of records) this.save(record);
	}

	save(record: CredentialRecord): void {
		this.records.set(record.id, { ...record, data: { ...record.data } });
	}

	/** The stored data, as n8n's database would now hold it (tokens included). */
	stored(id: string): ICredentialDataDecryptedObject {
		const record = this.records.get(id);
		if (!record) throw new Error(`No credential with id ${id}`);
		return { ...record.data };
	}

	typeOf(id: string): string {
		const record = this.records.get(id);
		if (!record) throw new Error(`No credential with id ${id}`);
		return record.type;
	}

	activityOf(id: string): CredentialActivity {
		let entry = this.activity.get(id);
		if (!entry) {
			entry = { preAuthentications: 0, forcedRefreshes: 0, updates: 0 };
			this.activity.set(id, entry);
		}
		return entry;
	}

	getType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.getType(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate.type !== 'generic') return requestOptions;

		const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
		requestOptions.headers ??= {};
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
				const resolvedKey = this.resolve(key, credentials, workflow, node);
				const resolvedValue = this.resolve(value, credentials, workflow, node);
				target[outerKey] ??= {};
				(target[outerKey] as Record<string, unknown>)[resolvedKey] = resolvedValue;
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getType(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await type.preAuthentication.call(helpers, credentials);
		// n8n only saves (and so only reuses) a result that carries the expirable property.
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (!details) return undefined;

		const activity = this.activityOf(details.id ?? '');
		activity.preAuthentications++;
		if (credentialsExpired) activity.forcedRefreshes++;
		await this.updateCredentials(details, typeName, Object.assign(credentials, output));
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const record = this.recordFor(nodeCredentials);
		const credentials = new Credentials({ id: record.id, name: record.name }, type);
		await credentials.setData(record.data);
		return credentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const record = this.recordFor(nodeCredentials);
		if (record.type !== type) {
			throw new Error(`Credential ${record.id} is of type "${record.type}", not "${type}"`);
		}
		return this.applyDefaults(type, record.data);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const record = this.recordFor(nodeCredentials);
		this.activityOf(record.id).updates++;
		this.records.set(record.id, { ...record, type, data: { ...data } });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.updateCredentials(nodeCredentials, type, data);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const own = this.getType(type).properties;
		const inherited = (this.types.get(type)?.extends ?? []).flatMap((parent) =>
			this.types.has(parent) ? this.getCredentialsProperties(parent) : [],
		);
		return [...inherited, ...own];
	}

	private recordFor(nodeCredentials: INodeCredentialsDetails): CredentialRecord {
		const record = nodeCredentials.id ? this.records.get(nodeCredentials.id) : undefined;
		if (!record) throw new Error(`No credential with id "${nodeCredentials.id}" (${nodeCredentials.name})`);
		return record;
	}

	/** n8n fills properties the user never set with their defaults, so hidden tokens start as ''. */
	private applyDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		const withDefaults = NodeHelpers.getNodeParameters(
			properties,
			data as never,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject | null;
		return { ...(withDefaults ?? {}), ...data };
	}

	private resolve(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow | undefined,
		node: INode | undefined,
	): string {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		if (!workflow || !node) throw new Error('Resolving a credential expression needs the workflow and node');
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		if (resolved === undefined || resolved === null || resolved === '') return '';
		return String(resolved);
	}
}
