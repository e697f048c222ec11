/** The client side: who answers on the VIP, sampled continuously, and time-bounded waits. */
import { CLEAN_ENV, run, sleep } from "../common/proc";
import { CLIENT_NS } from "./network";

export const now = (): number => performance.now() / 1000;

export interface Sample {
  /** When the request was sent (seconds, `now()` clock). */
  t: number;
  /** Host named by the page, or null when the request failed. */
  host: string | null;
}

/** Which of `hosts` the page names: `<h1>host</h1>` first, else a whole-word mention. */
export function hostOfPage(body: string, hosts: string[]): string | null {
  const h1 = hosts.filter((h) => body.includes(`<h1>${h}</h1>`));
  if (h1.length === 1) return h1[0];
  const words = hosts.filter((h) => new RegExp(`(^|[^\\w-])${h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\w-])`).test(body));
  return words.length === 1 ? words[0] : null;
}

/**
 * One GET of http://VIP/ from the client netns, 1 s at most. A SYN sent to a MAC nobody owns any
 * more is only retried after 1 s, so the connect time-out bounds how late a failed sample can
 * notice that the VIP answers again.
 */
export async function fetchVip(vip: string, hosts: string[], connectTimeoutS = 1): Promise<string | null> {
  const r = await run(
    [
      "ip",
      "netns",
      "exec",
      CLIENT_NS,
      "curl",
      "-s",
      "--noproxy",
      "*",
      "--connect-timeout",
      String(connectTimeoutS),
      "-m",
      "1",
      `http://${vip}/`,
    ],
    { allowFail: true, timeoutMs: 5000, env: CLEAN_ENV },
  );
  return r.code === 0 ? hostOfPage(r.stdout, hosts) : null;
}

export interface ProbeOptions {
  /** Pause between the start of one request and the next, per loop. */
  readonly intervalMs: number;
  /** curl --connect-timeout: a failed sample lasts about this long. */
  readonly connectTimeoutS: number;
  /** Request loops, started intervalMs / loops apart, so samples overlap while requests fail. */
  readonly loops: number;
}

export class ClientProbe {
  /** Sorted by send time, whichever loop sent them. */
  readonly samples: Sample[] = [];
  private running = false;
  private loopsDone: Promise<void>[] = [];

  constructor(
    private readonly vip: string,
    private readonly hosts: string[],
    private readonly options: ProbeOptions = { intervalMs: 200, connectTimeoutS: 1, loops: 1 },
  ) {}

  /** Starts sampling; a no-op while it runs. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const { intervalMs, connectTimeoutS, loops } = this.options;
    this.loopsDone = Array.from({ length: Math.max(1, loops) }, async (_, i) => {
      await sleep((i * intervalMs) / Math.max(1, loops));
      while (this.running) {
        const t = now();
        this.insert({ t, host: await fetchVip(this.vip, this.hosts, connectTimeoutS) });
        await sleep(Math.max(0, intervalMs - (now() - t) * 1000));
      }
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loopsDone);
  }

  private insert(sample: Sample): void {
    let i = this.samples.length;
    while (i > 0 && this.samples[i - 1].t > sample.t) i--;
    this.samples.splice(i, 0, sample);
  }

  /** How often the answering node changed in [from, to]; failed requests in between do not count. */
  flips(from: number, to: number): number {
    let last: string | undefined;
    let changes = 0;
    for (const s of this.samples) {
      if (s.t < from || s.t > to || s.host === null) continue;
      if (last !== undefined && s.host !== last) changes++;
      last = s.host;
    }
    return changes;
  }

  /** Seconds from t0 to the first answer (since t0) that satisfies pred. */
  firstSince(t0: number, pred: (host: string | null) => boolean): number | undefined {
    const s = this.samples.find((x) => x.t >= t0 && pred(x.host));
    return s ? s.t - t0 : undefined;
  }

  since(t0: number): Sample[] {
    return this.samples.filter((s) => s.t >= t0);
  }

  /**
   * Seconds without an answer in [from, to]: each run of failed requests counts
   * from the last answer before it (or `from`) to the first answer after it (or `to`).
   */
  outage(from: number, to: number): number {
    let lastOk = from;
    let gapStart: number | undefined;
    let total = 0;
    for (const s of this.samples) {
      if (s.t <= from) continue;
      if (s.t > to) break;
      if (s.host === null) {
        gapStart ??= Math.max(lastOk, from);
      } else {
        if (gapStart !== undefined) total += s.t - gapStart;
        gapStart = undefined;
        lastOk = s.t;
      }
    }
    if (gapStart !== undefined) total += to - gapStart;
    return total;
  }
}

/**
 * Polls cond until it holds or limitS passes; returns seconds since t0 at the
 * first poll that saw it hold, undefined on time-out.
 */
export async function waitUntil(
  t0: number,
  limitS: number,
  cond: () => Promise<boolean> | boolean,
  intervalMs = 100,
): Promise<number | undefined> {
  const deadline = t0 + limitS;
  for (;;) {
    const t = now();
    if (await cond()) return t - t0;
    if (t >= deadline) return undefined;
    await sleep(Math.max(0, intervalMs - (now() - t) * 1000));
  }
}
