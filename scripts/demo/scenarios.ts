import { bigChangeDemo } from './bigchange';
import { olConnectDemo } from './olconnect';
import { rightslineDemo } from './rightsline';
import type { DemoScenario } from './types';
import { vbaDemo } from './vba';

/** One entry per node; the order is the order the demo prints. */
export const scenarios: DemoScenario[] = [vbaDemo, bigChangeDemo, olConnectDemo, rightslineDemo];
