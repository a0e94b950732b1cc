import { performance } from 'node:perf_hooks';

import type { Clock } from './types';

/** Monotonic within a process yet comparable with Date.now(), which a wall clock alone is not. */
export const systemClock: Clock = () => performance.timeOrigin + performance.now();
