export { createRightslineSimulator, RightslineSimulator, type RightslineSimulatorOptions } from './simulator';
export { defaultSettings, RIGHTSLINE_SIM_DEFAULTS, type BatchTiming, type RightslineSimSettings, type RightslineSimUser } from './settings';
export type { BatchStatus, SimBatch } from './batches';
export type { BatchInput, BatchMethod, BatchResults, ResultEntry } from './outcomes';
export type { RlRecord, RlRelationship, SeedRecord } from './records';
export { TEMP_CREDENTIALS_PATH } from './temp-credentials';
