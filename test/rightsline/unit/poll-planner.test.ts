import { PollPlanner, type BatchPolls } from '../../../nodes/RightslineCharTypeBatch/helpers/poll-planner';
import { seededRandom } from '../../simulators/base';

/**
 * A discrete-event model of the node's lanes: `lanes` batches in flight, each taking its own
 * processing time, polled when the planner says, on the planner's injected clock. A poll sent at t
 * is read by the server at t + 5/6 of `pollTripMs` (n8n's path: 2.5 of its 3 round trips go out
 * before the server sees the request) and answered at t + `pollTripMs`. Returns node time over the
 * ideal (every lane always busy), polls per batch, and how late the server saw each batch's
 * "final" poll after the batch ended, for the batches after the first round.
 */
function simulate(
	durations: number[],
	options: { lanes?: number; initialMs: number; latencyMs?: number; pollTripMs?: number },
): { ratio: number; polls: number; lateMs: number[] } {
	const lanes = options.lanes ?? 10;
	const latency = options.latencyMs ?? 3;
	const trip = options.pollTripMs ?? 2 * latency;
	let now = 0;
	const planner = new PollPlanner({ initialMs: options.initialMs, now: () => now });
	interface Waiting {
		accepted: number;
		duration: number;
		tracker: ReturnType<PollPlanner['begin']>;
		number: number;
		/** When the next poll leaves, or (while one is out) when its answer comes back. */
		at: number;
		/** Age at which the server read the poll that is out; undefined while none is. */
		readAge?: number;
	}
	const waiting = new Set<Waiting>();
	const lateMs: number[] = [];
	let next = 0;
	let polls = 0;
	let end = 0;
	const submit = (at: number) => {
		if (next >= durations.length) {
			end = Math.max(end, at);
			return;
		}
		now = at + latency;
		const tracker = planner.begin();
		waiting.add({ accepted: now, duration: durations[next], number: next++, tracker, at: now + tracker.first() });
		now = at;
	};
	for (let lane = 0; lane < lanes; lane++) submit(lane === 0 ? 0 : latency);
	while (waiting.size > 0) {
		const due = [...waiting].reduce((a, b) => (a.at <= b.at ? a : b));
		now = Math.max(now, due.at);
		if (due.readAge === undefined) {
			polls++;
			due.tracker.sending();
			due.readAge = now + (trip * 5) / 6 - due.accepted;
			due.at = now + trip;
			continue;
		}
		const readAge = due.readAge;
		due.readAge = undefined;
		if (readAge < due.duration) {
			due.at = Math.max(now, due.accepted + due.tracker.running());
			continue;
		}
		waiting.delete(due);
		due.tracker.finished();
		if (due.number >= lanes) lateMs.push(readAge - due.duration);
		// What the node's lanes do when woken by a finished batch: move their next poll forward.
		for (const other of waiting) if (other.readAge === undefined) other.at = Math.max(now, Math.min(other.at, other.accepted + other.tracker.replan()));
		submit(now);
	}
	const ideal = durations.reduce((sum, d) => sum + d, 0) / lanes;
	return { ratio: end / ideal, polls: polls / durations.length, lateMs };
}

/** A planner on a clock the test sets: `running`/`finished` say what a poll sent at `age` saw. */
function plannerAt(initialMs: number) {
	let current = 0;
	const planner = new PollPlanner({ initialMs, now: () => current });
	const sendAt = (polls: BatchPolls, age: number) => {
		current = polls.acceptedAt + age;
		polls.sending();
	};
	return {
		planner,
		running: (polls: BatchPolls, age: number) => {
			sendAt(polls, age);
			return polls.running();
		},
		finished: (polls: BatchPolls, age: number) => {
			sendAt(polls, age);
			polls.finished();
		},
	};
}

function durations(count: number, ms: number, jitter: number, seed = 5): number[] {
	const random = seededRandom(seed);
	return Array.from({ length: count }, () => ms * (1 + jitter * (2 * random() - 1)));
}

describe('PollPlanner', () => {
	it('staggers the first polls of the first batches below the interval, then triples the spacing', () => {
		const { planner, running } = plannerAt(3000);
		const firsts = Array.from({ length: 10 }, () => planner.begin().first());
		expect(firsts[0]).toBe(1000);
		expect(firsts[9]).toBeCloseTo(3000 * 3 ** -0.1, 0);
		expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
		const polls = planner.begin();
		expect(polls.first()).toBe(1000);
		expect(running(polls, 1000)).toBe(3000);
		expect(running(polls, 3000)).toBe(9000);
	});

	it('lets a waiting batch move its next poll forward once another batch has finished', () => {
		const { planner, running, finished } = plannerAt(2000);
		const waiting = planner.begin();
		expect(running(waiting, 1000)).toBe(3000);
		const other = planner.begin();
		running(other, 1070);
		finished(other, 1140);
		// The other batch was final by 1140 ms: this one, running at 1000 ms, is looked at then.
		expect(waiting.replan()).toBe(1140);
	});

	it('with steady batch times, bisects between the latest “running” and the earliest “final” seen', () => {
		const { planner, running, finished } = plannerAt(1000);
		for (let n = 0; n < 10; n++) planner.finished(2900, 3100);
		const polls = planner.begin();
		expect(polls.first()).toBe(3000);
		expect(running(polls, 3000)).toBe(3100);
		finished(polls, 3100);
		running(planner.begin(), 3050);
		planner.finished(3050, 3100);
		// Within a few percent: one poll at the upper end.
		expect(planner.begin().first()).toBe(3100);
	});

	it('with varying batch times, steps through their spread instead', () => {
		const { planner, running } = plannerAt(1000);
		for (let n = 0; n < 10; n++) planner.finished(2700 + 50 * n, 2800 + 50 * n);
		const polls = planner.begin();
		const first = polls.first();
		expect(first).toBeLessThan(2800);
		const second = running(polls, first);
		expect(second).toBeGreaterThan(2950);
		expect(second).toBeLessThan(3100);
		expect(running(polls, second)).toBeGreaterThan(3150);
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

	it.each([20, 80])(
		'through n8n at a %i ms round trip (a poll answered three round trips after it left), a steady batch is seen final within the tolerance of its end',
		(rttMs) => {
			const trip = 3 * rttMs + 30;
			const result = simulate(durations(50, 3000, 0), { initialMs: 2000, latencyMs: trip, pollTripMs: trip });
			// Once two rounds have taught the planner, every batch is seen final within 100 ms of its end,
			// far less than a trip; learning from the answer's age instead of the send's put every such
			// poll a whole trip late, and probing halfway with a trip longer than the bracket did too.
			expect(Math.max(...result.lateMs.slice(-20))).toBeLessThan(Math.min(100, trip / 2));
			expect(result.polls).toBeLessThanOrEqual(1.6);
			expect(result.ratio).toBeLessThan(rttMs === 20 ? 1.08 : 1.16);
		},
	);

	it('500 batches: about two polls a batch and a few percent over the ideal', () => {
		const result = simulate(durations(500, 3000, 0.1), { initialMs: 2000 });
		expect(result.ratio).toBeLessThan(1.1);
		expect(result.polls).toBeLessThan(2.6);
	});
});
