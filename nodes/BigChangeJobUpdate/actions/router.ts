import { routeTo } from '../../shared/router';
import * as job from './job';

export const router = routeTo({
	job: {
		update: job.update.execute,
		get: job.get.execute,
		getAll: job.getMany.execute,
		create: job.create.execute,
	},
});
