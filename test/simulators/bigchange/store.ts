/** Every job status the reference lists, in its order. */
export const JOB_STATUSES = [
	'new',
	'scheduled',
	'unscheduled',
	'sent',
	'read',
	'accepted',
	'refused',
	'onTheWay',
	'started',
	'suspended',
	'completedOk',
	'completedWithIssues',
	'cancelled',
	'lateStart',
	'lateFinish',
	'rescheduled',
] as const;

export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * The docs: description and personId "cannot be updated if the job has been started or completed".
 * A suspended job has been started (the driver paused it), so it counts too; cancelled does not.
 */
export const LOCKED_STATUSES: ReadonlySet<JobStatus> = new Set<JobStatus>(['started', 'suspended', 'completedOk', 'completedWithIssues']);

export interface SimJobType {
	id: number;
	name: string;
	/** Used when a create leaves plannedDuration out, as documented. */
	defaultDuration: number;
	/** "May be required, dependent upon job type". */
	orderNumberRequired: boolean;
	/** With a prefix set, a create without reference gets an auto-reference, as documented. */
	autoReferencePrefix?: string;
}

export interface SimContact {
	id: number;
	name: string;
	address: string;
	location: { latitude: number; longitude: number };
	/** Set on a job whose personId is cleared, as documented. */
	primaryPersonId: string;
	personIds: string[];
}

export interface SimCustomFieldDefinition {
	id: number;
	name: string;
}

export interface SimJob {
	id: number;
	typeId: number;
	contactId: number;
	status: JobStatus;
	reference: string | null;
	description: string | null;
	orderNumber: string | null;
	plannedDuration: number;
	personId: string | null;
	/** By definition ID; a cleared value is removed. */
	customFields: Map<number, string>;
	createdAt: string;
}

/** What a test seeds: everything but the ID and the type and contact may be left out. */
export type SimJobSeed = Partial<Omit<SimJob, 'customFields'>> & {
	typeId: number;
	contactId: number;
	customFields?: Record<number, string>;
};

/** Job types, contacts and custom field definitions shared by every customer, and each customer's jobs. */
export class BigChangeStore {
	readonly jobTypes = new Map<number, SimJobType>();
	readonly contacts = new Map<number, SimContact>();
	readonly definitions = new Map<number, SimCustomFieldDefinition>();
	private readonly jobsByCustomer = new Map<string, Map<number, SimJob>>();
	private nextJobId = 1001;

	jobs(customerId: string): Map<number, SimJob> {
		let jobs = this.jobsByCustomer.get(customerId);
		if (!jobs) this.jobsByCustomer.set(customerId, (jobs = new Map()));
		return jobs;
	}

	insert(customerId: string, seed: SimJobSeed): SimJob {
		const type = this.jobTypes.get(seed.typeId);
		const id = seed.id ?? this.nextJobId++;
		if (id >= this.nextJobId) this.nextJobId = id + 1;
		const job: SimJob = {
			id,
			typeId: seed.typeId,
			contactId: seed.contactId,
			status: seed.status ?? 'new',
			reference: seed.reference ?? null,
			description: seed.description ?? null,
			orderNumber: seed.orderNumber ?? null,
			plannedDuration: seed.plannedDuration ?? type?.defaultDuration ?? 60,
			personId: seed.personId ?? this.contacts.get(seed.contactId)?.primaryPersonId ?? null,
			customFields: new Map(Object.entries(seed.customFields ?? {}).map(([key, value]) => [Number(key), value])),
			createdAt: seed.createdAt ?? new Date().toISOString(),
		};
		this.jobs(customerId).set(id, job);
		return job;
	}

	clearJobs(): void {
		this.jobsByCustomer.clear();
	}
}

/** A job as GET answers it: the stored fields plus the names and address of its type and contact. */
export function jobView(store: BigChangeStore, job: SimJob): Record<string, unknown> {
	const type = store.jobTypes.get(job.typeId);
	const contact = store.contacts.get(job.contactId);
	return {
		id: job.id,
		typeId: job.typeId,
		typeName: type?.name ?? null,
		contactId: job.contactId,
		contactName: contact?.name ?? null,
		contactAddress: contact?.address ?? null,
		contactLocation: contact ? { ...contact.location } : null,
		status: job.status,
		reference: job.reference,
		description: job.description,
		orderNumber: job.orderNumber,
		plannedDuration: job.plannedDuration,
		personId: job.personId,
		customFields: [...job.customFields].map(([definitionId, value]) => ({
			definitionId,
			name: store.definitions.get(definitionId)?.name ?? null,
			value,
		})),
		createdAt: job.createdAt,
	};
}
