import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n-core writes its instance config under N8N_USER_FOLDER and logs every node error's stack unless told not to.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
