import { routeTo } from '../../shared/router';
import * as job from './job';

export const router = routeTo({
	job: {
		getContentItems: job.getContentItems.execute,
		getJobSegments: job.getJobSegments.execute,
		getMetadata: job.getMetadata.execute,
		getProperties: job.getProperties.execute,
		updateMetadata: job.updateMetadata.execute,
		updateProperties: job.updateProperties.execute,
		updateManyProperties: job.updateManyProperties.execute,
	},
});
