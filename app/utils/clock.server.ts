// The API's "now" for process rules (workflows/common/process.ts): the wall clock. Workflow tests on Temporal's
// time-skipping server, whose clock runs days ahead of the wall clock, point it at the server's time, so the API
// and the workflow judge "before the inspection date" or "not in the future" by the same clock.
type Clock = () => number | Promise<number>;

let clock: Clock = () => Date.now();

export function useClock(next: Clock | null): void {
  clock = next ?? (() => Date.now());
}

export async function now(): Promise<number> {
  return clock();
}
