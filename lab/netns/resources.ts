/**
 * Everything a lab run creates on the host (namespaces, processes, its work
 * directory) is recorded here and in a state file, so that it is undone at the
 * end, on SIGINT/SIGTERM, or by the next run if this one was killed outright.
 * Processes are only ever stopped by their recorded PID and start time.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isAlive, killPid, pidStartTime, run, sleep } from "../common/proc";
import { ownedByMe, reapLeftovers, writeRecord, type OwnedRecord } from "../common/leftovers";

const STATE_FILE = "/run/hal-netns-lab.json";

interface RecordedPid {
  pid: number;
  start: string;
  what: string;
}

interface LabState extends OwnedRecord {
  workdir: string;
  netns: string[];
  pids: RecordedPid[];
}

/** How long a lab waits for another run on this host before it gives up. */
const WAIT_FOR_OTHER_RUN_MS = 30 * 60_000;

export class LabResources {
  private state: LabState;
  private cleaned = false;

  private constructor(workdir: string) {
    this.state = {
      ...ownedByMe(),
      workdir,
      netns: [],
      pids: [],
    };
    this.persist();
  }

  /**
   * Reclaims what a killed earlier run left behind, then starts a new record. Another live run
   * (the labs share the host's namespaces and this record) is waited for, up to WAIT_FOR_OTHER_RUN_MS.
   */
  static async open(workdir: string, log: (s: string) => void): Promise<LabResources> {
    const until = Date.now() + WAIT_FOR_OTHER_RUN_MS;
    for (;;) {
      const [active] = await reapLeftovers<LabState>(
        [STATE_FILE],
        (old) => {
          log(`reclaiming leftovers of an interrupted lab run (pid ${old.ownerPid})`);
          return releaseAll(old, log);
        },
        { own: true },
      );
      if (!active) break;
      if (Date.now() >= until) throw new Error(`another netns lab run (pid ${active.ownerPid}) is still active; see ${STATE_FILE}`);
      log(`waiting for another netns lab run (pid ${active.ownerPid}) to finish`);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
    fs.mkdirSync(workdir, { recursive: true });
    return new LabResources(workdir);
  }

  get workdir(): string {
    return this.state.workdir;
  }

  addNetns(name: string): void {
    this.state.netns.push(name);
    this.persist();
  }

  dropNetns(name: string): void {
    this.state.netns = this.state.netns.filter((n) => n !== name);
    this.persist();
  }

  addPid(pid: number, what: string): void {
    const start = pidStartTime(pid);
    if (start === undefined) return;
    this.state.pids.push({ pid, start, what });
    this.persist();
  }

  dropPid(pid: number): void {
    this.state.pids = this.state.pids.filter((p) => p.pid !== pid);
    this.persist();
  }

  /** Idempotent: kills recorded processes, deletes namespaces, removes the work directory unless kept. */
  async cleanup(log: (s: string) => void, keepWorkdir = false): Promise<void> {
    if (this.cleaned) return;
    this.cleaned = true;
    await releaseAll({ ...this.state, workdir: keepWorkdir ? "" : this.state.workdir }, log);
    if (keepWorkdir) log(`kept work directory ${this.state.workdir}`);
    fs.rmSync(STATE_FILE, { force: true });
  }

  private persist(): void {
    writeRecord(STATE_FILE, this.state);
  }
}

async function releaseAll(state: LabState, log: (s: string) => void): Promise<void> {
  // SIGKILL to a PID namespace's init takes every process of that node with it.
  const live = state.pids.filter((p) => pidStartTime(p.pid) === p.start);
  for (const p of live) killPid(p.pid, "SIGKILL");
  for (let i = 0; i < 50 && live.some((p) => isAlive(p.pid) && pidStartTime(p.pid) === p.start); i++) await sleep(100);
  for (const ns of state.netns) {
    const r = await run(["ip", "netns", "delete", ns], { allowFail: true, timeoutMs: 10_000 });
    if (r.code !== 0 && !/No such file/.test(r.stderr)) log(`could not delete netns ${ns}: ${r.stderr.trim()}`);
  }
  if (state.workdir && path.basename(state.workdir).startsWith("hal-netns-lab")) {
    fs.rmSync(state.workdir, { recursive: true, force: true });
  }
}
