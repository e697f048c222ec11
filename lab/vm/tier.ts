/**
 * What a guest tier (qemu, user-mode Linux) provides to the VM lab: a writable disk over the shared
 * base image, a detached guest with its console in a file and its NICs on the lab's taps, and
 * signals to that guest only. Everything else (network, seeds, ssh, readiness, cleanup) is the
 * lab's, in vm.ts.
 */
import * as fs from "fs";
import { BaseImage } from "./image";

export const TIERS = ["uml", "qemu"] as const;
export type TierName = (typeof TIERS)[number];

export interface GuestSpec {
  hostname: string;
  /** The guest's own folder (inside the lab's work dir): overlay, seed, console log, pidfile. */
  dir: string;
  /** The lab's work dir: every process of ours names it on its command line. */
  workDir: string;
  netns: string;
  image: BaseImage;
  /** NoCloud seed (cloud-localds) with the payload bytes. */
  seed: string;
  /** NICs in network-config order: MAC, and the tap in the lab namespace. */
  nics: { mac: string; tap: string }[];
  memoryMiB: number;
  /** Console output goes here (the lab waits for cloud-init's "finished" line in it). */
  consoleLog: string;
}

export interface Tier {
  readonly name: TierName;
  /** Host commands this tier runs (keys of host.ts's HOST_TOOLS). */
  readonly tools: string[];
  /** Creates the guest's writable overlay over the base image; it survives stop/start. */
  createDisk(g: GuestSpec): void;
  /** Starts the guest detached (in g.netns); returns the id to record: qemu's pid, UML's process group. */
  launch(g: GuestSpec): number;
  /** True while any process of the guest recorded as `id` runs (ours only: command line names workDir). */
  running(id: number, workDir: string): boolean;
  /** Signals the guest (only if it is ours); false when nothing of it was there to signal. */
  kill(id: number, workDir: string, signal: NodeJS.Signals): boolean;
  /** Host memory the guest uses, MiB (qemu: its proportional set size; UML: see uml.ts). */
  memoryMiB(id: number, workDir: string): number;
}

export function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

/** Proportional set size of one process, MiB (shared pages split between their users). */
export function pssMiB(pid: number): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
