/**
 * Boots real Debian 12 guests from the cached base image, each with the
 * user-data / meta-data / network-config bytes the generator produced, on one
 * bridge per subnet inside one private network namespace (hal-vm-<id>). A
 * guest runs on a tier (uml.ts: user-mode Linux, the default; qemu.ts: a full
 * VM under TCG); everything else is shared. A test client lives in that
 * namespace (an address on each bridge) and reaches the guests with curl and
 * ssh (the payload's admin user, the lab's ed25519 key).
 *
 * Only processes this lab started (recorded pid / process group, command line
 * naming our work dir) are ever signalled. Everything (guests, taps, bridges,
 * namespace, temp dir) is removed by cleanup(), on process exit / SIGINT /
 * SIGTERM, and — for a lab whose node process was SIGKILLed — by the next
 * startVmLab() (run records in .lab-cache/runs/).
 *
 * startVmLab in parts: validatePayloads (before touching the host), records.ts (run record, host
 * lock), network.ts (namespace, bridges, client, taps), guest.ts (disks and seeds, launch, the
 * boot wait), ready.ts (ssh in, cloud-init's verdict), collectFailureLogs (what a failed start
 * leaves for reading).
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { applyValues, LabNode, labSecret, parseCloudConfig, parseNics, readLabNodeDir } from "../common/payload";
import { ownedByMe } from "../common/leftovers";
import { runSync, type RunResult } from "../common/proc";
import { launch, isUp, prepareGuest, readSerial, waitCloudInitFinished, type Guest, type GuestSite, type VmInfo } from "./guest";
import { CACHE_DIR, defaultLog, ensureCacheDir, ensureHostTools, Logger, requireRoot } from "./host";
import { ensureBaseImage, PACKAGES } from "./image";
import { addTaps, clientAddressesFor, createNetwork, ipn } from "./network";
import { waitReady } from "./ready";
import {
  acquireHostLock,
  dropRecord,
  NETNS_PREFIX,
  reapStaleLabs,
  releaseHostLock,
  saveRecord,
  teardown,
  tierOf,
  type RunRecord,
} from "./records";
import { ask, GuestSsh } from "./ssh";
import { TierName } from "./tier";

export type { VmInfo } from "./guest";
export { NETNS_PREFIX, reapStaleLabs } from "./records";

export interface VmLabOptions {
  /** The guests' documents, Terraform references already filled (labNodesOf, loadNodesDir). */
  nodes: LabNode[];
  /** Guest tier (default: $HAL_VM_TIER, else uml). */
  tier?: TierName;
  /** qemu -cpu model (default: $HAL_VM_CPU, else max). */
  cpu?: string;
  /** Guest RAM in MiB (default 448). */
  memoryMiB?: number;
  /** Bound for all VMs to reach "cloud-init finished" (default 180 + 90 per VM, s: TCG on 2 cores; UML needs a third). */
  bootTimeoutSec?: number;
  /**
   * One lab per host at a time (the guests of two labs starve each other past any boot bound):
   * how long to wait for another process's lab to finish (default 3600 s).
   */
  hostWaitSec?: number;
  /** Throw when cloud-init reports errors in any VM (default true). */
  strict?: boolean;
  /** Subnets where the client gets an address (default: every segment). */
  clientSubnets?: string[];
  log?: Logger;
}

export interface CurlResult {
  /** curl's exit code (0 = got an HTTP response; null when killed). */
  code: number | null;
  /** HTTP status, 0 when none. */
  status: number;
  body: string;
  stderr: string;
}

export interface VmLab {
  readonly tier: TierName;
  readonly netns: string;
  readonly vms: Record<string, VmInfo>;
  /** subnet -> client address (CIDR) on that segment's bridge. */
  readonly clientAddresses: Record<string, string>;
  /** Wall times in seconds: image, network, boot (all cloud-init finished), ready (ssh + status). */
  readonly timings: Record<string, number>;
  /** Runs a shell command in a VM over ssh; as root (sudo) unless asRoot=false. */
  exec(host: string, cmd: string, opts?: { asRoot?: boolean; timeoutMs?: number }): Promise<RunResult>;
  /** Like exec, but throws unless the exit code is 0; returns stdout. */
  execOk(host: string, cmd: string, opts?: { asRoot?: boolean; timeoutMs?: number }): Promise<string>;
  /** One HTTP request from the client (new connection each call). */
  curl(url: string, opts?: { timeoutMs?: number; args?: string[] }): Promise<CurlResult>;
  /** Runs argv on the client side, inside the lab namespace. */
  client(argv: string[], timeoutMs?: number): Promise<RunResult>;
  /** Crash: SIGKILL the guest (qemu: its pid; UML: its process group). */
  stop(host: string): void;
  /**
   * Boots a stopped VM again from its (kept) disk (cloud-init does not run the instance's
   * modules again); resolves when systemd finished booting, with `systemctl is-system-running`
   * (running, or degraded when some unit failed).
   */
  start(host: string, timeoutSec?: number): Promise<string>;
  /** Cuts (up=false) or restores a VM NIC's link, by the NIC's set-name, at the tap. */
  setLink(host: string, nic: string, up: boolean): void;
  running(host: string): boolean;
  serialLog(host: string): string;
  /** Current host memory (see VmInfo.rssMiB) per running VM, MiB. */
  memory(): Record<string, number>;
  cleanup(): void;
}

// ---------------------------------------------------------------- ssh key

/** The lab's ed25519 keypair (kept in .lab-cache/ssh so payloads can be generated before a run). */
export function labSshKey(): { privateKeyPath: string; publicKey: string } {
  const dir = path.join(ensureCacheDir(), "ssh");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = path.join(dir, "id_ed25519");
  if (!fs.existsSync(key) || !fs.existsSync(key + ".pub")) {
    fs.rmSync(key, { force: true });
    fs.rmSync(key + ".pub", { force: true });
    runSync(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "hal-vm-lab", "-f", key]);
  }
  return { privateKeyPath: key, publicKey: fs.readFileSync(key + ".pub", "utf8").trim() };
}

/**
 * Checks the payloads before anything touches the host: host names, the lab's ssh key, the
 * packages (the guests are offline: cloud-init can only "install" what the image has).
 */
function validatePayloads(nodes: readonly LabNode[], publicKey: string): { node: LabNode; nics: ReturnType<typeof parseNics> }[] {
  const keyMaterial = publicKey.split(/\s+/)[1];
  const names = new Set<string>();
  return nodes.map((node) => {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(node.hostname)) throw new Error(`bad hostname ${node.hostname}`);
    if (names.has(node.hostname)) throw new Error(`duplicate hostname ${node.hostname}`);
    names.add(node.hostname);
    if (!node.userData.includes(keyMaterial)) {
      throw new Error(
        `${node.hostname}: user-data does not authorize the lab's ssh key; put labSshKey().publicKey ` +
          `(${publicKey}) into the admin user's ssh_authorized_keys`,
      );
    }
    const cc = parseCloudConfig(node.userData);
    if (cc.hostname !== node.hostname) throw new Error(`${node.hostname}: user-data says hostname ${cc.hostname}`);
    const missing = cc.packages.filter((p) => !PACKAGES.includes(p));
    if (missing.length > 0) {
      throw new Error(`${node.hostname}: packages not in the VM image (add them to PACKAGES in lab/vm/image.ts): ${missing.join(" ")}`);
    }
    return { node, nics: parseNics(node.networkConfig) };
  });
}

export async function startVmLab(opts: VmLabOptions): Promise<VmLab> {
  const log = opts.log ?? defaultLog;
  const strict = opts.strict ?? true;
  const tier = tierOf(opts.tier ?? (process.env.HAL_VM_TIER as TierName | undefined) ?? "uml", { cpu: opts.cpu });
  requireRoot();
  ensureHostTools(log);
  ensureCacheDir();
  await reapStaleLabs(log);
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    timings[name] = Math.round((Date.now() - t) / 100) / 10;
    t = Date.now();
  };

  const image = ensureBaseImage({ log });
  lap("image");
  const key = labSshKey();
  const parsed = validatePayloads(opts.nodes, key.publicKey);
  const subnets = [...new Set(parsed.flatMap((p) => p.nics.map((n) => n.subnet)))];
  const clientAddresses = clientAddressesFor(opts.nodes, subnets, opts.clientSubnets);

  const id = randomBytes(3).toString("hex");
  const netns = `${NETNS_PREFIX}-${id}`;
  await acquireHostLock(netns, opts.hostWaitSec ?? 3600, log);
  lap("wait");
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `${NETNS_PREFIX}-${id}-`));
  const record: RunRecord = { id, ...ownedByMe(), netns, workDir, tier: tier.name, pids: [] };
  saveRecord(record);
  const site: GuestSite = { tier, netns, workDir, image, record };
  const ssh = new GuestSsh(site, key.privateKeyPath);

  let cleaned = false;
  const vms = new Map<string, Guest>();
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    process.removeListener("exit", onExit);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    for (const vm of vms.values()) ssh.stopMaster(vm);
    teardown(record);
    dropRecord(record);
    releaseHostLock(netns);
  };
  const onExit = () => cleanup();
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: cleaning up ${netns}`);
    cleanup();
    process.exit(sig === "SIGINT" ? 130 : 143);
  };
  process.on("exit", onExit);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const vmOf = (host: string): Guest => {
    const vm = vms.get(host);
    if (!vm) throw new Error(`no VM named ${host} (have: ${[...vms.keys()].join(", ")})`);
    return vm;
  };

  try {
    const bridgeOf = createNetwork(netns, subnets, clientAddresses);
    parsed.forEach(({ node, nics }, index) => {
      const taps = addTaps(netns, index, nics, bridgeOf);
      const reach = nics.find((n) => clientAddresses[n.subnet]);
      if (!reach) throw new Error(`${node.hostname}: no NIC on a segment where the client is`);
      vms.set(node.hostname, prepareGuest(site, node, nics, taps, reach.addresses[0].split("/")[0], opts.memoryMiB ?? 448));
    });
    lap("network");

    for (const vm of vms.values()) launch(site, vm);
    log(`booted ${vms.size} ${tier.name} guest(s) in ${netns}: ${[...vms.keys()].join(", ")}; waiting for cloud-init`);
    await waitCloudInitFinished(site, [...vms.values()], opts.bootTimeoutSec ?? 180 + 90 * vms.size, strict, log);
    lap("boot");

    const problems = await waitReady(site, [...vms.values()], ssh);
    lap("ready");
    if (problems.length > 0) {
      const msg = `cloud-init reported problems:\n${problems.join("\n")}`;
      if (strict) throw new Error(msg);
      log(msg);
    }
  } catch (e) {
    collectFailureLogs(
      id,
      [...vms.values()].map((vm) => vm.dir),
    );
    cleanup();
    throw e;
  }

  const exec = (host: string, cmd: string, o?: { asRoot?: boolean; timeoutMs?: number }) => ssh.exec(vmOf(host), cmd, o);
  return {
    tier: tier.name,
    netns,
    vms: Object.fromEntries([...vms].map(([h, vm]) => [h, vm.info])),
    clientAddresses,
    timings,
    exec,
    async execOk(host, cmd, o) {
      const r = await exec(host, cmd, o);
      if (r.code !== 0) throw new Error(`${host}: '${cmd}' exited ${r.code}\n${r.stderr}${r.stdout}`);
      return r.stdout;
    },
    async curl(url, o = {}) {
      const tmo = o.timeoutMs ?? 10_000;
      const seconds = String(Math.ceil(tmo / 1000));
      const r = await ask(
        ["ip", "netns", "exec", netns, "curl", "-sS", "--max-time", seconds, ...(o.args ?? []), "-w", "\n%{http_code}", url],
        tmo + 5000,
      );
      const cut = r.stdout.lastIndexOf("\n");
      return { code: r.code, status: Number(r.stdout.slice(cut + 1)) || 0, body: r.stdout.slice(0, Math.max(cut, 0)), stderr: r.stderr };
    },
    client(argv, timeoutMs = 60_000) {
      return ask(["ip", "netns", "exec", netns, ...argv], timeoutMs);
    },
    stop(host) {
      const vm = vmOf(host);
      ssh.stopMaster(vm);
      tier.kill(vm.pid, workDir, "SIGKILL");
      const until = Date.now() + 5000;
      while (isUp(site, vm) && Date.now() < until) runSync(["sleep", "0.05"], { allowFail: true });
    },
    async start(host, timeoutSec = 300) {
      const vm = vmOf(host);
      if (isUp(site, vm)) throw new Error(`${host} is running`);
      launch(site, vm);
      const deadline = Date.now() + timeoutSec * 1000;
      await ssh.waitLogin(vm, deadline);
      // ssh comes up before the rest of the boot (apache2, heartbeat): wait for systemd to settle
      const st = await exec(host, "systemctl is-system-running --wait", { timeoutMs: Math.max(deadline - Date.now(), 10_000) });
      return st.stdout.trim() || `unknown (${st.stderr.trim()})`;
    },
    setLink(host, nic, up) {
      const tap = vmOf(host).taps.find((x) => x.nic.name === nic);
      if (!tap) throw new Error(`${host} has no NIC ${nic}`);
      ipn(netns, "link", "set", tap.tap, up ? "up" : "down");
    },
    running: (host) => isUp(site, vmOf(host)),
    serialLog: (host) => readSerial(vmOf(host)),
    memory() {
      const out: Record<string, number> = {};
      for (const [h, vm] of vms) if (isUp(site, vm)) out[h] = tier.memoryMiB(vm.pid, workDir);
      return out;
    },
    cleanup,
  };
}

/** Keeps the serial logs and payloads of a failed start in .lab-cache/failed/<id>/ (last 5 kept). */
function collectFailureLogs(id: string, dirs: string[]): void {
  try {
    const root = path.join(CACHE_DIR, "failed");
    for (const d of dirs) {
      const dest = path.join(root, id, path.basename(d));
      fs.mkdirSync(dest, { recursive: true });
      for (const f of fs.readdirSync(d)) {
        if (/^(serial.*\.log|user-data|meta-data|network-config)$/.test(f)) fs.copyFileSync(path.join(d, f), path.join(dest, f));
      }
    }
    const old = fs
      .readdirSync(root)
      .map((f) => ({ f, m: fs.statSync(path.join(root, f)).mtimeMs }))
      .sort((a, b) => b.m - a.m);
    for (const { f } of old.slice(5)) fs.rmSync(path.join(root, f), { recursive: true, force: true });
  } catch {
    /* best effort */
  }
}

/**
 * Reads <dir>/<host>/{user-data,meta-data,network-config}, with `${var.ssh_public_key}` filled with
 * the lab's public key and `${random_password.*.result}` with one fresh secret, as an apply would.
 */
export function loadNodesDir(dir: string): LabNode[] {
  const nodes = fs
    .readdirSync(dir)
    .filter((h) => fs.statSync(path.join(dir, h)).isDirectory())
    .sort()
    .map((h) => readLabNodeDir(path.join(dir, h)));
  return applyValues(nodes, { sshPublicKey: labSshKey().publicKey, authkeySecret: labSecret() });
}

/** Starts a lab, runs fn, always cleans up. */
export async function withVmLab<T>(opts: VmLabOptions, fn: (lab: VmLab) => Promise<T>): Promise<T> {
  const lab = await startVmLab(opts);
  try {
    return await fn(lab);
  } finally {
    lab.cleanup();
  }
}
