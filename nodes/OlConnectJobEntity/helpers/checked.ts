/** What reading one part of an item gives: the value, or what is wrong with it in a phrase. */
export type Checked<T> = { ok: T } | { problem: string };
