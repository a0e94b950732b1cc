/** What one node's demo prints: a short table a person can read at a glance. */
export interface DemoTable {
	title: string;
	columns: string[];
	rows: Array<Array<string | number>>;
	summary: string;
}

export interface DemoScenario {
	name: string;
	run(): Promise<DemoTable>;
}
