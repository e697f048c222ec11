/**
 * One guest of the VM lab: its folder, disk and NoCloud seed (the payload bytes as they are), its
 * launches on the tier, its serial console, and the wait for cloud-init's final console line.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCloudConfig, type LabNic, type LabNode } from "../common/payload";
import { runSync, sleep } from "../common/proc";
import type { Logger } from "./host";
import type { BaseImage } from "./image";
import type { Tap } from "./network";
import { saveRecord, type RunRecord } from "./records";
import type { GuestSpec, Tier } from "./tier";

export interface VmInfo {
  hostname: string;
  nics: LabNic[];
  /** Address the client uses for ssh. */
  address: string;
  /** The user the lab logs in as: the payload's admin user (the one with ssh keys). */
  sshUser: string;
  /** Host memory of this guest after boot, MiB (the tier's memoryMiB). */
  rssMiB: number;
  /** `cloud-init status --long` after boot. */
  cloudInitStatus: string;
}

export interface Guest {
  readonly node: LabNode;
  readonly info: VmInfo;
  readonly dir: string;
  readonly taps: Tap[];
  readonly spec: GuestSpec;
  /** What the tier recorded at the last launch: qemu's pid, UML's process group. */
  pid: number;
  boots: number;
}

/** Where the lab puts the guests and what it records about them. */
export interface GuestSite {
  readonly tier: Tier;
  readonly netns: string;
  readonly workDir: string;
  readonly image: BaseImage;
  readonly record: RunRecord;
}

/** Writes the guest's folder: the NoCloud files and seed, and the tier's disk over the base image. */
export function prepareGuest(site: GuestSite, node: LabNode, nics: LabNic[], taps: Tap[], address: string, memoryMiB: number): Guest {
  const dir = path.join(site.workDir, node.hostname);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "user-data"), node.userData);
  fs.writeFileSync(path.join(dir, "meta-data"), node.metaData);
  fs.writeFileSync(path.join(dir, "network-config"), node.networkConfig);
  const seed = path.join(dir, "seed.img");
  runSync([
    "cloud-localds",
    `--network-config=${path.join(dir, "network-config")}`,
    seed,
    path.join(dir, "user-data"),
    path.join(dir, "meta-data"),
  ]);
  const spec: GuestSpec = {
    hostname: node.hostname,
    dir,
    workDir: site.workDir,
    netns: site.netns,
    image: site.image,
    seed,
    nics: taps.map(({ nic, tap }) => ({ mac: nic.mac, tap })),
    memoryMiB,
    consoleLog: path.join(dir, "serial.log"),
  };
  site.tier.createDisk(spec);
  const [sshUser] = parseCloudConfig(node.userData).sshUsers;
  if (sshUser === undefined) throw new Error(`${node.hostname}: the user-data creates no user with ssh keys: the lab cannot log in`);
  return {
    node,
    dir,
    taps,
    spec,
    pid: 0,
    boots: 0,
    info: { hostname: node.hostname, nics, address, sshUser, rssMiB: 0, cloudInitStatus: "" },
  };
}

export const serialPath = (g: Guest): string => path.join(g.dir, "serial.log");

export function readSerial(g: Guest): string {
  try {
    return fs.readFileSync(serialPath(g), "utf8");
  } catch {
    return "";
  }
}

export const isUp = (site: GuestSite, g: Guest): boolean => g.pid > 0 && site.tier.running(g.pid, site.workDir);

/** Starts the guest from its disk (keeping the console log of an earlier boot) and records it. */
export function launch(site: GuestSite, g: Guest): void {
  if (g.boots > 0 && fs.existsSync(serialPath(g))) fs.renameSync(serialPath(g), path.join(g.dir, `serial.${g.boots}.log`));
  g.pid = site.tier.launch(g.spec);
  g.boots++;
  site.record.pids.push(g.pid);
  saveRecord(site.record);
}

/** A second look, `ms` later, before calling a guest dead: a process caught mid-exec looks gone. */
async function upAfter(site: GuestSite, g: Guest, ms: number): Promise<boolean> {
  await sleep(ms);
  return isUp(site, g);
}

const FINISHED_RE = /Cloud-init v\. \S+ finished at[^\n]*/;

/**
 * Waits, within `boundSec`, for cloud-init's "finished" line on every guest's console; throws on a
 * guest that exits or panics, and (when `strict`) on a failed cloud-init stage, with its log.
 */
export async function waitCloudInitFinished(
  site: GuestSite,
  guests: readonly Guest[],
  boundSec: number,
  strict: boolean,
  log: Logger,
): Promise<void> {
  const deadline = Date.now() + boundSec * 1000;
  const pending = new Set(guests);
  while (pending.size > 0) {
    for (const g of [...pending]) {
      const host = g.info.hostname;
      const serial = readSerial(g);
      const fin = serial.match(FINISHED_RE);
      if (fin) {
        if (/DataSourceNone/.test(fin[0])) throw new Error(`${host}: cloud-init found no NoCloud seed: ${fin[0]}`);
        log(`${host}: ${fin[0].trim()}`);
        pending.delete(g);
        // A failed stage (e.g. an unparsable network-config) may leave the VM unreachable: say why now.
        const failed = serial.match(/failed run of stage [^\n]*/g);
        if (failed) {
          const why = serial
            .split("\n")
            .filter((l) => /Error|WARNING|failed/.test(l) && /cloud-init/.test(l))
            .slice(-12);
          const msg = `${host}: cloud-init ${failed.join("; ")}\n${why.join("\n")}`;
          if (strict) throw new Error(msg);
          log(msg);
        }
      } else if (!isUp(site, g) && !(await upAfter(site, g, 2000))) {
        throw new Error(`${host}: ${site.tier.name} exited during boot\n${readSerial(g).slice(-3000)}`);
      } else if (/Kernel panic/.test(serial)) {
        throw new Error(`${host}: kernel panic\n${serial.slice(-3000)}`);
      }
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline) {
      const tails = [...pending].map((g) => `--- ${g.info.hostname}\n${readSerial(g).slice(-2000)}`).join("\n");
      throw new Error(`cloud-init did not finish within ${boundSec} s on ${[...pending].map((g) => g.info.hostname).join(", ")}\n${tails}`);
    }
    await sleep(1000);
  }
}
