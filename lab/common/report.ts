/** The labs' one scenario runner and one results-table printer. */

export interface Outcome {
  readonly scenario: string;
  readonly passed: boolean;
  readonly detail: string;
}

export interface ScenarioHooks<R> {
  log: (line: string) => void;
  /** Runs after a failure, before the result is returned (diagnostics); its own failure is logged. */
  onFailure?: () => unknown;
  /** What a failure still measured (e.g. the figures carried by the error). */
  partialOf?: (error: Error) => Partial<R>;
}

/**
 * Runs one scenario: logs `=== name`, then PASS or FAIL with the detail. A thrown error becomes a
 * failed result whose detail is the error's message, never an exception.
 */
export async function runScenario<R extends { detail: string }>(
  scenario: string,
  body: () => Promise<R>,
  hooks: ScenarioHooks<R>,
): Promise<Outcome & Partial<R>> {
  hooks.log(`=== ${scenario}`);
  try {
    const r = await body();
    hooks.log(`PASS ${scenario}: ${r.detail}`);
    return { scenario, passed: true, ...r };
  } catch (e) {
    const error = e as Error;
    hooks.log(`FAIL ${scenario}: ${error.message}`);
    try {
      await hooks.onFailure?.();
    } catch (d) {
      hooks.log(`diagnostics failed: ${(d as Error).message}`);
    }
    return { scenario, passed: false, ...(hooks.partialOf?.(error) ?? {}), detail: error.message } as Outcome & Partial<R>;
  }
}

export interface Column<T> {
  readonly title: string;
  readonly cell: (row: T) => string;
  /** Numbers are right-aligned. */
  readonly align?: "left" | "right";
}

/** Fixed-width table, two spaces between columns; the last column is not padded (free text). */
export function formatTable<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const cells = [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => c.cell(r)))];
  const last = columns.length - 1;
  const widths = columns.map((_, i) => (i === last ? 0 : Math.max(...cells.map((r) => r[i].length))));
  return cells
    .map((r) => r.map((c, i) => (i === last ? c : columns[i].align === "right" ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  "))
    .join("\n");
}

/** "N passed, M failed" over outcomes. */
export function tally(outcomes: readonly Outcome[]): string {
  const failed = outcomes.filter((o) => !o.passed).length;
  return `${outcomes.length - failed} passed, ${failed} failed`;
}
