export { createOlConnectSimulator, OlConnectSimulator, type OlConnectSimulatorOptions } from './simulator';
export { defaultSettings, MAX_SESSION_MINUTES, OLC_SIM_DEFAULTS, type OlcRole, type OlcSimSettings, type OlcSimUser } from './settings';
export { mergeLists, type JobSeed, type NameValue, type SimJob } from './store';
export { LOGIN_PATH, REST_ROOT } from './auth';
export { JOBS_PATH } from './jobs';
export { hasOpenssl, selfSignedCertificate } from '../base';
export { manyJobs, sampleJobs } from './fixtures';
