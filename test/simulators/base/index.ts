export type { Clock, Middleware, RecordedRequest, RequestMatcher, RouteHandler, SimRequest, SimResponse } from './types';
export { SimServer, type SimServerOptions, type SimStats } from './server';
export { FaultInjector, type FailFault, type FaultAction, type FaultPlan } from './faults';
export { TokenStore, type TokenValidity } from './token-store';
export { RateLimiter, type RateLimitOptions } from './rate-limiter';
export { Router, type RouteMatch } from './router';
export { encodeResponse, proxyErrorPage, type EncodedResponse } from './encode';
export { seededRandom, shuffleInPlace } from './prng';
export { systemClock } from './clock';
