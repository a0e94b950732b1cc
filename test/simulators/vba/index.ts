export { createVbaSimulator, VbaSimulator, type VbaRateLimit, type VbaSimulatorOptions } from './simulator';
export { simCatalogFrom, toSimCatalogEntry, type CatalogEntitySource, type SimCatalogEntry, type SimField, type SimPathParam } from './catalog';
export { VBA_SIM_DEFAULTS, defaultSettings, type VbaSimSettings, type VbaSimUser } from './settings';
export type { KeyValuePair, MultiCodeResponse, VbaEnvelope, VbaProblem } from './envelope';
