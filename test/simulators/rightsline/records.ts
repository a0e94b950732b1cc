/** An entity as Rightsline returns it in `record` (batch-structure.md / retrieve.md). */
export interface RlRecord {
	id: number;
	revisionId: number;
	title: string;
	template: { templateId: number; templateName: string; processId: number };
	status: { statusId: number; statusName: string };
	characteristics: Record<string, unknown>;
	createdById: number;
	createdDate: string;
	lastUpdatedById: number;
	lastUpdatedDate: string;
	statusUpdatedById: number;
	statusUpdatedDate: string;
}

export interface RlRelationship {
	id: number;
	relationshipType: { relationshipTypeId: number; relationshipTypeName: string };
	createdById: number;
	createdDate: string;
	lastUpdatedById: number;
	lastUpdatedDate: string;
	parentCharTypeId: number;
	parentRecordId: number;
	childCharTypeId: number;
	childRecordId: number;
	sequenceNumber: number;
}

/** What a test puts in place before a run. */
export interface SeedRecord {
	id: number;
	title?: string;
	templateId?: number;
	statusId?: number;
	characteristics?: Record<string, unknown>;
	/** Answers PUT, DELETE and workflow actions with 409 "Record Locked.". */
	locked?: boolean;
	/** Answers every method with 403 "Access Denied.". */
	denied?: boolean;
}

const API_USER_ID = 10101;

function stamp(now: number): string {
	return new Date(now).toISOString();
}

/** Rightsline's records by char type ID, and its relationships, as batches see and change them. */
export class RecordStore {
	private readonly records = new Map<string, Map<number, RlRecord>>();
	private readonly relationships = new Map<number, RlRelationship>();
	private readonly locked = new Set<string>();
	private readonly denied = new Set<string>();
	private nextRecordId = 100_000;
	private nextRelationshipId = 500_000;

	seed(charTypeId: number | string, seeds: readonly SeedRecord[], now: number): void {
		for (const seed of seeds) {
			const record = this.newRecord(seed.id, { title: seed.title ?? `Record ${seed.id}`, templateId: seed.templateId ?? 1, characteristics: seed.characteristics ?? {} }, now);
			if (seed.statusId !== undefined) record.status = { statusId: seed.statusId, statusName: `Status ${seed.statusId}` };
			this.table(charTypeId).set(seed.id, record);
			if (seed.locked) this.locked.add(key(charTypeId, seed.id));
			if (seed.denied) this.denied.add(key(charTypeId, seed.id));
		}
	}

	get(charTypeId: number | string, id: number): RlRecord | undefined {
		return this.records.get(String(charTypeId))?.get(id);
	}

	all(charTypeId: number | string): RlRecord[] {
		return [...(this.records.get(String(charTypeId))?.values() ?? [])];
	}

	isLocked(charTypeId: number | string, id: number): boolean {
		return this.locked.has(key(charTypeId, id));
	}

	isDenied(charTypeId: number | string, id: number): boolean {
		return this.denied.has(key(charTypeId, id));
	}

	create(charTypeId: number | string, fields: { title: string; templateId: number; characteristics: Record<string, unknown> }, now: number): RlRecord {
		const record = this.newRecord(this.nextRecordId++, fields, now);
		this.table(charTypeId).set(record.id, record);
		return record;
	}

	update(charTypeId: number | string, id: number, change: { title?: string; templateId?: number; characteristics?: Record<string, unknown> }, now: number): RlRecord {
		const record = this.get(charTypeId, id) as RlRecord;
		if (change.title !== undefined) record.title = change.title;
		if (change.templateId !== undefined) record.template = { ...record.template, templateId: change.templateId, templateName: `Template ${change.templateId}` };
		if (change.characteristics) record.characteristics = { ...record.characteristics, ...change.characteristics };
		record.revisionId++;
		record.lastUpdatedDate = stamp(now);
		return record;
	}

	remove(charTypeId: number | string, id: number): void {
		this.records.get(String(charTypeId))?.delete(id);
	}

	setStatus(charTypeId: number | string, id: number, statusId: number, now: number): RlRecord {
		const record = this.get(charTypeId, id) as RlRecord;
		record.status = { statusId, statusName: `Status ${statusId}` };
		record.statusUpdatedDate = stamp(now);
		record.revisionId++;
		return record;
	}

	relationship(id: number): RlRelationship | undefined {
		return this.relationships.get(id);
	}

	allRelationships(): RlRelationship[] {
		return [...this.relationships.values()];
	}

	relate(link: { parentCharTypeId: number; parentRecordId: number; childCharTypeId: number; childRecordId: number }, now: number): RlRelationship {
		const relationship: RlRelationship = {
			id: this.nextRelationshipId++,
			relationshipType: { relationshipTypeId: 0, relationshipTypeName: 'Default' },
			createdById: API_USER_ID,
			createdDate: stamp(now),
			lastUpdatedById: API_USER_ID,
			lastUpdatedDate: stamp(now),
			...link,
			sequenceNumber: Math.floor(now),
		};
		this.relationships.set(relationship.id, relationship);
		return relationship;
	}

	unrelate(id: number): void {
		this.relationships.delete(id);
	}

	clear(): void {
		this.records.clear();
		this.relationships.clear();
		this.locked.clear();
		this.denied.clear();
	}

	private table(charTypeId: number | string): Map<number, RlRecord> {
		let table = this.records.get(String(charTypeId));
		if (!table) this.records.set(String(charTypeId), (table = new Map()));
		return table;
	}

	private newRecord(id: number, fields: { title: string; templateId: number; characteristics: Record<string, unknown> }, now: number): RlRecord {
		return {
			id,
			revisionId: 0,
			title: fields.title,
			template: { templateId: fields.templateId, templateName: `Template ${fields.templateId}`, processId: 0 },
			status: { statusId: 1, statusName: 'Active' },
			characteristics: { ...fields.characteristics },
			createdById: API_USER_ID,
			createdDate: stamp(now),
			lastUpdatedById: API_USER_ID,
			lastUpdatedDate: stamp(now),
			statusUpdatedById: API_USER_ID,
			statusUpdatedDate: stamp(now),
		};
	}
}

function key(charTypeId: number | string, id: number): string {
	return `${charTypeId}:${id}`;
}
