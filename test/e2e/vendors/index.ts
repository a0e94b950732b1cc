import { bigchange } from './bigchange';
import { olconnect } from './olconnect';
import { rightsline } from './rightsline';
import type { E2eVendor } from './types';
import { vba } from './vba';

export type { E2eVendor, ExampleExpectation, RunningSimulator, SimulatorStats } from './types';

/** Every vendor the package has a node for, in the order the suite prints them. */
export const vendors: E2eVendor[] = [vba, bigchange, olconnect, rightsline];

export function vendorNamed(name: string): E2eVendor | undefined {
	return vendors.find((vendor) => vendor.vendor === name);
}
