import { routeTo } from '../../shared/router';
import * as record from './record';

export const router = routeTo({
	record: { upsert: record.upsert.execute },
});
