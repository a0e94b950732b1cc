import { PollPlanner } from '../../../nodes/RightslineCharTypeBatch/helpers/poll-planner';
import { seededRandom } from '../../simulators/base';

/**
 * A discrete-event model of the node's lanes: `lanes` batches in flight, each taking its own
 * processing time, polled when the planner says. Returns node time over the ideal (every lane
 * always busy) and polls per batch.
 */
function simulate(durations: number[], options: { lanes?: number; initialMs: number; latencyMs?: number }): { ratio: number; polls: number } {
	const lanes = options.lanes ?? 10;
	const latency = options.latencyMs ?? 3;
	const planner = new PollPlanner({ initialMs: options.initialMs });
	interface Waiting {
		accepted: number;
		age: number;
		duration: number;
		tracker: ReturnType<PollPlanner['begin']>;
	}
	const waiting = new Set<Waiting>();
	let now = 0;
	let next = 0;
	let polls = 0;
	let end = 0;
	const submit = (at: number) => {
		if (next >= durations.length) {
			end = Math.max(end, at);
			return;
		}
		const tracker = planner.begin();
		waiting.add({ accepted: at + latency, duration: durations[next++], tracker, age: tracker.first() });
	};
	for (let lane = 0; lane < lanes; lane++) submit(lane === 0 ? 0 : latency);
	while (waiting.size > 0) {
		const due = [...waiting].reduce((a, b) => (a.accepted + a.age <= b.accepted + b.age ? a : b));
		now = due.accepted + due.age;
		polls++;
		if (due.age < due.duration) {
			due.age = due.tracker.running(due.age);
			continue;
		}
		waiting.delete(due);
		due.tracker.finished(due.age);
		// What the node's lanes do when woken by a finished batch: move their next poll forward.
		for (const other of waiting) other.age = Math.max(now - other.accepted, Math.min(other.age, other.tracker.replan()));
		submit(now + latency);
	}
	const ideal = durations.reduce((sum, d) => sum + d, 0) / lanes;
	return { ratio: end / ideal, polls: polls / durations.length };
}

function durations(count: number, ms: number, jitter: number, seed = 5): number[] {
	const random = seededRandom(seed);
	return Array.from({ length: count }, () => ms * (1 + jitter * (2 * random() - 1)));
}

describe('PollPlanner', () => {
	it('staggers the first polls of the first batches below the interval, then triples the spacing', () => {
		const planner = new PollPlanner({ initialMs: 3000 });
		const firsts = Array.from({ length: 10 }, () => planner.begin().first());
		expect(firsts[0]).toBe(1000);
		expect(firsts[9]).toBeCloseTo(3000 * 3 ** -0.1, 0);
		expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
		const polls = planner.begin();
		expect(polls.first()).toBe(1000);
		expect(polls.running(1000)).toBe(3000);
		expect(polls.running(3000)).toBe(9000);
	});

	it('lets a waiting batch move its next poll forward once another batch has finished', () => {
		const planner = new PollPlanner({ initialMs: 2000 });
		const waiting = planner.begin();
		expect(waiting.running(1000)).toBe(3000);
		const other = planner.begin();
		other.running(1070);
		other.finished(1140);
		// The other batch was final by 1140 ms: this one, running at 1000 ms, is looked at then.
		expect(waiting.replan()).toBe(1140);
	});

	it('with steady batch times, bisects between the latest “running” and the earliest “final” seen', () => {
		const planner = new PollPlanner({ initialMs: 1000 });
		for (let n = 0; n < 10; n++) planner.finished(2900, 3100);
		const polls = planner.begin();
		expect(polls.first()).toBe(3000);
		expect(polls.running(3000)).toBe(3100);
		polls.finished(3100);
		planner.begin().running(3050);
		planner.finished(3050, 3100);
		// Within a few percent: one poll at the upper end.
		expect(planner.begin().first()).toBe(3100);
	});

	it('with varying batch times, steps through their spread instead', () => {
		const planner = new PollPlanner({ initialMs: 1000 });
		for (let n = 0; n < 10; n++) planner.finished(2700 + 50 * n, 2800 + 50 * n);
		const polls = planner.begin();
		const first = polls.first();
		expect(first).toBeLessThan(2800);
		const second = polls.running(first);
		expect(second).toBeGreaterThan(2950);
		expect(second).toBeLessThan(3100);
		expect(polls.running(second)).toBeGreaterThan(3150);
	});

	it('catches up quickly when the first poll came late (a batch was final at its first look)', () => {
		const planner = new PollPlanner({ initialMs: 10_000 });
		planner.finished(0, 10_000);
		expect(planner.begin().first()).toBeLessThanOrEqual(5000);
	});

	it('follows a server that slows down', () => {
		const planner = new PollPlanner({ initialMs: 1000 });
		for (let n = 0; n < 20; n++) planner.finished(950, 1050);
		for (let n = 0; n < 20; n++) planner.finished(4900, 5100);
		expect(planner.begin().first()).toBeGreaterThan(4500);
	});

	it.each([
		[1000, 0],
		[3000, 0],
		[3000, 0.1],
		[5000, 0.1],
	])('50 batches of %i ms (±%f): within 15%% of always-busy lanes, at most 3 polls a batch', (ms, jitter) => {
		const result = simulate(durations(50, ms, jitter), { initialMs: 2000 });
		expect(result.ratio).toBeLessThan(1.15);
		expect(result.polls).toBeLessThanOrEqual(3);
	});

	it('50 batches of a minute each: the blind first round costs a few more polls, not time', () => {
		const result = simulate(durations(50, 60_000, 0.1), { initialMs: 2000 });
		expect(result.ratio).toBeLessThan(1.12);
		expect(result.polls).toBeLessThan(3.5);
	});

	it('500 batches: about two polls a batch and a few percent over the ideal', () => {
		const result = simulate(durations(500, 3000, 0.1), { initialMs: 2000 });
		expect(result.ratio).toBeLessThan(1.1);
		expect(result.polls).toBeLessThan(2.6);
	});
});
