/** One entry of a JSON Name/Value List. */
export interface NameValue {
	name: string;
	value: string;
}

/** A job as the Job Entity service exposes it. */
export interface SimJob {
	id: number;
	/** Content item and data record identifiers, as Get Content Items for Job lists them. */
	contents: Array<{ item: number; record: number }>;
	/** Job segment identifiers. */
	segments: number[];
	metadata: NameValue[];
	properties: NameValue[];
}

export type JobSeed = Partial<Omit<SimJob, 'id'>> & { id: number };

/** The jobs the server holds; the simulator serves and changes them, tests inspect them. */
export class OlcJobStore {
	private readonly jobs = new Map<number, SimJob>();

	put(seed: JobSeed): SimJob {
		const job: SimJob = {
			id: seed.id,
			contents: seed.contents?.map((entry) => ({ ...entry })) ?? [],
			segments: [...(seed.segments ?? [])],
			metadata: copyList(seed.metadata ?? []),
			properties: copyList(seed.properties ?? []),
		};
		this.jobs.set(job.id, job);
		return job;
	}

	get(id: number): SimJob | undefined {
		return this.jobs.get(id);
	}

	has(id: number): boolean {
		return this.jobs.has(id);
	}

	delete(id: number): void {
		this.jobs.delete(id);
	}

	clear(): void {
		this.jobs.clear();
	}

	get size(): number {
		return this.jobs.size;
	}
}

export function copyList(list: readonly NameValue[]): NameValue[] {
	return list.map(({ name, value }) => ({ name, value }));
}

/** Applies `updates` over `current`: names already there keep their place, new names go last. */
export function mergeLists(current: readonly NameValue[], updates: readonly NameValue[]): NameValue[] {
	const merged = copyList(current);
	for (const update of updates) {
		const existing = merged.find((entry) => entry.name === update.name);
		if (existing) existing.value = update.value;
		else merged.push({ ...update });
	}
	return merged;
}
