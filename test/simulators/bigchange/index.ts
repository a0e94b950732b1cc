export { BigChangeSimulator, createBigChangeSimulator, type BigChangeRateLimit, type BigChangeSimulatorOptions } from './simulator';
export { BIGCHANGE_SIM_DEFAULTS, defaultSettings, type BigChangeSimClient, type BigChangeSimSettings } from './settings';
export { CONTACT, CUSTOM_FIELD, JOB_TYPE, PERSON } from './fixtures';
export { JOB_STATUSES, LOCKED_STATUSES, type JobStatus, type SimJobSeed } from './store';
export { TOKEN_PATH, scopeFor } from './auth';
export type { BigChangeProblem, BigChangeValidationProblem } from './problem';
