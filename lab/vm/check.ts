/** What every VM scenario asserts with, and its clock. */

/** A scenario's fact that did not hold (the runner prints it with the guests' state). */
export class CheckFailed extends Error {}

export function check(condition: boolean, message: string): void {
  if (!condition) throw new CheckFailed(message);
}

/** Monotonic seconds on the host, for durations. */
export const now = () => performance.now() / 1000;
