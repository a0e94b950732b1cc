import { routeTo } from '../../shared/router';
import * as batch from './batch';
import * as limits from './limits';

export const router = routeTo({
	batch: { submit: batch.submit.execute, get: batch.get.execute },
	limit: { get: limits.get.execute },
});
