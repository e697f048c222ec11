/**
 * Process hygiene of the VM lab: the run record each lab keeps in .lab-cache/runs/ (so that the
 * next run tears down a lab whose process was SIGKILLed), its teardown, and the host lock (one VM
 * lab per host: the guests of two labs starve each other past any boot bound).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isAlive, runSync, sleep } from "../common/proc";
import { reapLeftovers, writeRecord, type OwnedRecord } from "../common/leftovers";
import { CACHE_DIR, defaultLog, Logger } from "./host";
import { qemuTier } from "./qemu";
import { Tier, TierName, TIERS } from "./tier";
import { umlTier } from "./uml";

export const NETNS_PREFIX = "hal-vm";

/** The tier named `name`; options only matter for launching, not for signalling a recorded guest. */
export function tierOf(name: TierName, opts: { cpu?: string } = {}): Tier {
  if (name === "qemu") return qemuTier(opts);
  if (name === "uml") return umlTier();
  throw new Error(`unknown tier ${String(name)}; valid: ${TIERS.join(", ")}`);
}

export interface RunRecord extends OwnedRecord {
  readonly id: string;
  readonly netns: string;
  readonly workDir: string;
  /** Absent in records written before the UML tier: qemu. */
  readonly tier?: TierName;
  /** qemu: pids; UML: process group ids. */
  readonly pids: number[];
}

const RUNS_DIR = path.join(CACHE_DIR, "runs");

const recordFile = (id: string) => path.join(RUNS_DIR, `${id}.json`);

export function saveRecord(record: RunRecord): void {
  writeRecord(recordFile(record.id), record);
}

export function dropRecord(record: RunRecord): void {
  fs.rmSync(recordFile(record.id), { force: true });
}

/** Stops everything a record names (only our guests), synchronously: it also runs in an 'exit' handler. */
export function teardown(rec: RunRecord): void {
  const tier = tierOf(rec.tier ?? "qemu");
  const alive = rec.pids.filter((p) => tier.kill(p, rec.workDir, "SIGTERM"));
  const until = Date.now() + 5000;
  while (alive.some((p) => tier.running(p, rec.workDir)) && Date.now() < until) {
    runSync(["sleep", "0.1"], { allowFail: true });
  }
  for (const p of alive) tier.kill(p, rec.workDir, "SIGKILL");
  runSync(["ip", "netns", "del", rec.netns], { allowFail: true });
  if (rec.workDir.startsWith(path.join(os.tmpdir(), NETNS_PREFIX))) {
    fs.rmSync(rec.workDir, { recursive: true, force: true });
  }
}

/** Tears down labs whose owning process is gone (e.g. SIGKILLed test runs). */
export async function reapStaleLabs(log: Logger = defaultLog): Promise<void> {
  if (!fs.existsSync(RUNS_DIR)) return;
  const files = fs
    .readdirSync(RUNS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(RUNS_DIR, f));
  await reapLeftovers<RunRecord>(files, (rec) => {
    log(`reaping stale lab ${rec.netns} (owner ${rec.ownerPid} is gone)`);
    teardown(rec);
  });
}

const HOST_LOCK = path.join(RUNS_DIR, "host.lock");

function lockOwner(): { pid: number; netns: string } | undefined {
  try {
    const [pid, netns] = fs.readFileSync(path.join(HOST_LOCK, "owner"), "utf8").trim().split(" ");
    return { pid: Number(pid), netns };
  } catch {
    return undefined;
  }
}

/** The labs this process runs under the lock (acceptance.ts runs topologies in lanes side by side). */
const heldHere = new Set<string>();

/** Waits until no other live process runs a lab on this host, then takes the lock (or joins this process's hold). */
export async function acquireHostLock(netns: string, waitSec: number, log: Logger): Promise<void> {
  fs.mkdirSync(RUNS_DIR, { recursive: true });
  if (heldHere.has(netns)) throw new Error(`this process already runs VM lab ${netns}`);
  const until = Date.now() + waitSec * 1000;
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(HOST_LOCK);
      fs.writeFileSync(path.join(HOST_LOCK, "owner"), `${process.pid} ${netns}\n`);
      heldHere.add(netns);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const owner = lockOwner();
    if (owner === undefined) {
      // being written right now, or left half-made by a killed process
      await sleep(500);
      if (lockOwner() === undefined) fs.rmSync(HOST_LOCK, { recursive: true, force: true });
      continue;
    }
    if (owner.pid === process.pid) {
      heldHere.add(netns);
      return;
    }
    if (!isAlive(owner.pid)) {
      fs.rmSync(HOST_LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > until) throw new Error(`another VM lab (${owner.netns}, pid ${owner.pid}) still runs after ${waitSec} s`);
    if (!told) log(`waiting for VM lab ${owner.netns} (pid ${owner.pid}) to finish`);
    told = true;
    await sleep(2000);
  }
}

export function releaseHostLock(netns: string): void {
  heldHere.delete(netns);
  const owner = lockOwner();
  if (owner && owner.pid === process.pid && heldHere.size === 0) fs.rmSync(HOST_LOCK, { recursive: true, force: true });
}
