/**
 * One problem found in a configuration: where it is, which field, the bad value and what would be valid.
 * Validators return lists of these so that a whole plan can be checked in one pass.
 */
export interface ConfigIssue {
  /** Where the problem is: a construct path such as `ha-lb/cluster/lb1`, or a renderer name. */
  readonly path: string;
  /** The field, in the caller's own words: `heartbeat.deadtime`, `services[0].scheduler`. */
  readonly field: string;
  /** The offending value, as given. */
  readonly value: unknown;
  /** What is wrong and what would be valid. */
  readonly message: string;
}

/** Thrown when a configuration has one or more problems. Lists them all. */
export class ConfigError extends Error {
  constructor(public readonly issues: readonly ConfigIssue[]) {
    super(formatIssues(issues));
    this.name = "ConfigError";
  }
}

function formatValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "(unset)";
  return JSON.stringify(value) ?? String(value);
}

export function formatIssues(issues: readonly ConfigIssue[]): string {
  const lines = issues.map((issue) => `  - ${issue.path}: ${issue.field} = ${formatValue(issue.value)}: ${issue.message}`);
  const noun = issues.length === 1 ? "problem" : "problems";
  return `Invalid topology, ${issues.length} ${noun}; nothing was written:\n${lines.join("\n")}`;
}

/** Collects issues under one path prefix, so validators can stay short. */
export class IssueList {
  private readonly found: ConfigIssue[] = [];

  constructor(private readonly path: string) {}

  add(field: string, value: unknown, message: string): void {
    this.found.push({ path: this.path, field, value, message });
  }

  addAll(issues: readonly ConfigIssue[]): void {
    this.found.push(...issues);
  }

  get issues(): readonly ConfigIssue[] {
    return this.found;
  }

  /** Throws a ConfigError if anything was found. */
  throwIfAny(): void {
    if (this.found.length > 0) throw new ConfigError(this.found);
  }
}

/** Throws one ConfigError listing every issue, if there are any. */
export function throwIfIssues(issues: readonly ConfigIssue[]): void {
  if (issues.length > 0) throw new ConfigError(issues);
}
