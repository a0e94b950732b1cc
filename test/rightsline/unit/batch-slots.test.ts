import { BatchSlots } from '../../../nodes/RightslineCharTypeBatch/helpers/batch-slots';

const FAR = () => Date.now() + 60_000;

async function takeAll(slots: BatchSlots): Promise<number> {
	let taken = 0;
	while (slots.limit > 0 && (await slots.take(Date.now(), undefined))) taken++;
	return taken;
}

describe('BatchSlots (a credential’s Rightsline batch slots in one n8n process)', () => {
	it('gives out at most `most` slots; a released slot goes to the next taker', async () => {
		const slots = new BatchSlots(3);
		expect(await takeAll(slots)).toBe(3);
		const waiting = slots.take(FAR());
		slots.release(true);
		await expect(waiting).resolves.toBe(true);
	});

	it('“too many batches” halves the share (another process holds slots of the key); finished batches give it back', async () => {
		const slots = new BatchSlots(10);
		expect(await takeAll(slots)).toBe(10);
		slots.crowded();
		expect(slots.limit).toBe(5);
		// Ten batches finish: the share climbs about one slot per share's worth of finished batches.
		for (let n = 0; n < 10; n++) slots.release(true);
		expect(slots.limit).toBe(6);
		for (let n = 0; n < 200; n++) {
			await slots.take(FAR());
			slots.release(true);
		}
		expect(slots.limit).toBe(10);
	});

	it('a batch that ended without a final status gives its slot back but not the share', async () => {
		const slots = new BatchSlots(4);
		await takeAll(slots);
		slots.crowded();
		for (let n = 0; n < 4; n++) slots.release(false);
		expect(slots.limit).toBe(2);
	});

	it('stops waiting at the time limit or when the run is stopped', async () => {
		const slots = new BatchSlots(1);
		await slots.take(FAR());
		await expect(slots.take(Date.now() + 20)).resolves.toBe(false);
		const controller = new AbortController();
		const waiting = slots.take(FAR(), controller.signal);
		controller.abort();
		await expect(waiting).resolves.toBe(false);
	});
});
