import type { SimContact, SimCustomFieldDefinition, SimJobType } from './store';

/** Reference data every simulator starts with; tests use these IDs by name. */
export const PERSON = Object.freeze({
	acmePrimary: '3f1c6b52-8a4e-4d0b-9a57-1b2f6a0c9e11',
	acmeSiteManager: '9b2d7e40-51c3-4f6a-8e21-6c4a0b3d7f22',
	brightsidePrimary: 'c7a41e93-2b5f-4c8d-a1e6-7d9f3b2c5e33',
});

export const JOB_TYPE = Object.freeze({ boilerService: 1, installation: 2, repair: 3 });
export const CONTACT = Object.freeze({ acme: 100, brightside: 101 });
export const CUSTOM_FIELD = Object.freeze({ gateCode: 7, parkingNotes: 8, assetTag: 9 });

export const JOB_TYPES: readonly SimJobType[] = [
	{ id: JOB_TYPE.boilerService, name: 'Boiler Service', defaultDuration: 60, orderNumberRequired: false, autoReferencePrefix: 'BS' },
	{ id: JOB_TYPE.installation, name: 'Installation', defaultDuration: 240, orderNumberRequired: true },
	{ id: JOB_TYPE.repair, name: 'Repair', defaultDuration: 90, orderNumberRequired: false },
];

export const CONTACTS: readonly SimContact[] = [
	{
		id: CONTACT.acme,
		name: 'Acme Facilities Ltd',
		address: '1 Wellington Street, Leeds, LS1 4DL',
		location: { latitude: 53.7965, longitude: -1.5478 },
		primaryPersonId: PERSON.acmePrimary,
		personIds: [PERSON.acmePrimary, PERSON.acmeSiteManager],
	},
	{
		id: CONTACT.brightside,
		name: 'Brightside Housing',
		address: '22 Albion Street, Hull, HU1 3TD',
		location: { latitude: 53.7446, longitude: -0.3389 },
		primaryPersonId: PERSON.brightsidePrimary,
		personIds: [PERSON.brightsidePrimary],
	},
];

export const CUSTOM_FIELD_DEFINITIONS: readonly SimCustomFieldDefinition[] = [
	{ id: CUSTOM_FIELD.gateCode, name: 'Gate code' },
	{ id: CUSTOM_FIELD.parkingNotes, name: 'Parking notes' },
	{ id: CUSTOM_FIELD.assetTag, name: 'Asset tag' },
];
