/**
 * Boots real Debian 12 guests from the cached base image, each with the
 * user-data / meta-data / network-config bytes the generator produced, on one
 * bridge per subnet inside one private network namespace (hal-vm-<id>). A
 * guest runs on a tier (uml.ts: user-mode Linux, the default; qemu.ts: a full
 * VM under TCG); everything else is shared. A test client lives in that
 * namespace (an address on each bridge) and reaches the guests with curl and
 * ssh (user `admin`, the lab's ed25519 key).
 *
 * Only processes this lab started (recorded pid / process group, command line
 * naming our work dir) are ever signalled. Everything (guests, taps, bridges,
 * namespace, temp dir) is removed by cleanup(), on process exit / SIGINT /
 * SIGTERM, and — for a lab whose node process was SIGKILLed — by the next
 * startVmLab() (run records in .lab-cache/runs/).
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { applyValues, freeAddress, LabNic, LabNode, labSecret, parseCloudConfig, parseNics, readLabNodeDir } from "../common/payload";
import { isAlive, run, runDetached, runSync, shellQuote, sleep, type RunResult } from "../common/proc";
import { BaseImage, ensureBaseImage, PACKAGES } from "./image";
import { qemuTier } from "./qemu";
import { CACHE_DIR, defaultLog, ensureCacheDir, ensureHostTools, Logger, requireRoot } from "./host";
import { GuestSpec, Tier, TierName, TIERS } from "./tier";
import { umlTier } from "./uml";

export const LAB_SSH_USER = "admin";
export const NETNS_PREFIX = "hal-vm";

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

export interface VmInfo {
  hostname: string;
  nics: LabNic[];
  /** Address the client uses for ssh. */
  address: string;
  /** Host memory of this guest after boot, MiB (the tier's memoryMiB). */
  rssMiB: number;
  /** `cloud-init status --long` after boot. */
  cloudInitStatus: string;
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

// ---------------------------------------------------------------- process hygiene

/** The tier named `name`; options only matter for launching, not for signalling a recorded guest. */
export function tierOf(name: TierName, opts: { cpu?: string } = {}): Tier {
  if (name === "qemu") return qemuTier(opts);
  if (name === "uml") return umlTier();
  throw new Error(`unknown tier ${String(name)}; valid: ${TIERS.join(", ")}`);
}

interface RunRecord {
  ownerPid: number;
  netns: string;
  workDir: string;
  /** Absent in records written before the UML tier: qemu. */
  tier?: TierName;
  /** qemu: pids; UML: process group ids. */
  pids: number[];
}

const RUNS_DIR = path.join(CACHE_DIR, "runs");

function writeRecord(id: string, rec: RunRecord): void {
  fs.mkdirSync(RUNS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RUNS_DIR, `${id}.json`), JSON.stringify(rec));
}

/** Stops everything a record names (only our guests), synchronously. */
function teardown(rec: RunRecord): void {
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
export function reapStaleLabs(log: Logger = defaultLog): void {
  if (!fs.existsSync(RUNS_DIR)) return;
  for (const f of fs.readdirSync(RUNS_DIR)) {
    if (!f.endsWith(".json")) continue;
    const file = path.join(RUNS_DIR, f);
    let rec: RunRecord;
    try {
      rec = JSON.parse(fs.readFileSync(file, "utf8")) as RunRecord;
    } catch {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (isAlive(rec.ownerPid)) continue;
    log(`reaping stale lab ${rec.netns} (owner ${rec.ownerPid} is gone)`);
    teardown(rec);
    fs.rmSync(file, { force: true });
  }
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

/** Waits until no other live process runs a lab on this host, then takes the lock. */
async function acquireHostLock(netns: string, waitSec: number, log: Logger): Promise<void> {
  fs.mkdirSync(RUNS_DIR, { recursive: true });
  const until = Date.now() + waitSec * 1000;
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(HOST_LOCK);
      fs.writeFileSync(path.join(HOST_LOCK, "owner"), `${process.pid} ${netns}\n`);
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
      throw new Error(`this process already runs VM lab ${owner.netns}: cleanup() it before starting another`);
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

function releaseHostLock(netns: string): void {
  const owner = lockOwner();
  if (owner && owner.pid === process.pid && owner.netns === netns) fs.rmSync(HOST_LOCK, { recursive: true, force: true });
}

// ---------------------------------------------------------------- the lab

interface Vm {
  node: LabNode;
  info: VmInfo;
  dir: string;
  taps: { nic: LabNic; tap: string }[];
  /** What the tier recorded at launch: qemu's pid, UML's process group. */
  pid: number;
  boots: number;
  spec: GuestSpec;
}

/** A command whose failure or timeout is an answer for the caller to read, not an error. */
const ask = (argv: string[], timeoutMs: number): Promise<RunResult> => run(argv, { timeoutMs, allowFail: true, allowTimeout: true });

const FINISHED_RE = /Cloud-init v\. \S+ finished at[^\n]*/;
/** Bound for logging in to every VM and reading its verdict after cloud-init finished: a wait, not a measurement. */
const READY_LIMIT_MS = 300_000;
const LOG_MARK = "--- cloud-init.log warnings";

export async function startVmLab(opts: VmLabOptions): Promise<VmLab> {
  const log = opts.log ?? defaultLog;
  const tier = tierOf(opts.tier ?? (process.env.HAL_VM_TIER as TierName | undefined) ?? "uml", { cpu: opts.cpu });
  requireRoot();
  ensureHostTools(log);
  ensureCacheDir();
  reapStaleLabs(log);
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    timings[name] = Math.round((Date.now() - t) / 100) / 10;
    t = Date.now();
  };

  const image: BaseImage = ensureBaseImage({ log });
  lap("image");
  const key = labSshKey();
  const keyMaterial = key.publicKey.split(/\s+/)[1];

  // ---- validate the payloads before touching the host
  const names = new Set<string>();
  const parsed = opts.nodes.map((node) => {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(node.hostname)) throw new Error(`bad hostname ${node.hostname}`);
    if (names.has(node.hostname)) throw new Error(`duplicate hostname ${node.hostname}`);
    names.add(node.hostname);
    if (!node.userData.includes(keyMaterial)) {
      throw new Error(
        `${node.hostname}: user-data does not authorize the lab's ssh key; put labSshKey().publicKey ` +
          `(${key.publicKey}) into the admin user's ssh_authorized_keys`,
      );
    }
    const cc = parseCloudConfig(node.userData);
    if (cc.hostname !== node.hostname) throw new Error(`${node.hostname}: user-data says hostname ${cc.hostname}`);
    // The VMs are offline: cloud-init can only "install" what the image already has.
    const missing = cc.packages.filter((p) => !PACKAGES.includes(p));
    if (missing.length > 0) {
      throw new Error(`${node.hostname}: packages not in the VM image (add them to PACKAGES in lab/vm/image.ts): ${missing.join(" ")}`);
    }
    return { node, nics: parseNics(node.networkConfig) };
  });
  const subnets = [...new Set(parsed.flatMap((p) => p.nics.map((n) => n.subnet)))];
  const used = new Set<string>();
  for (const n of opts.nodes) {
    for (const text of [n.userData, n.networkConfig]) {
      for (const m of text.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)) used.add(m[0]);
    }
  }
  const clientSubnets = (opts.clientSubnets ?? subnets).filter((s) => subnets.includes(s) && !s.includes(":"));
  const clientAddresses: Record<string, string> = {};
  for (const s of clientSubnets) clientAddresses[s] = freeAddress(s, [...used]);

  const id = randomBytes(3).toString("hex");
  const netns = `${NETNS_PREFIX}-${id}`;
  await acquireHostLock(netns, opts.hostWaitSec ?? 3600, log);
  lap("wait");
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `${NETNS_PREFIX}-${id}-`));
  const record: RunRecord = { ownerPid: process.pid, netns, workDir, tier: tier.name, pids: [] };
  writeRecord(id, record);

  let cleaned = false;
  const vms = new Map<string, Vm>();
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    process.removeListener("exit", onExit);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    for (const vm of vms.values()) stopMaster(vm);
    teardown(record);
    fs.rmSync(path.join(RUNS_DIR, `${id}.json`), { force: true });
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

  const ipn = (...args: string[]) => runSync(["ip", "-n", netns, ...args]);
  const vmOf = (host: string): Vm => {
    const vm = vms.get(host);
    if (!vm) throw new Error(`no VM named ${host} (have: ${[...vms.keys()].join(", ")})`);
    return vm;
  };
  const serialPath = (vm: Vm) => path.join(vm.dir, "serial.log");
  const readSerial = (vm: Vm) => {
    try {
      return fs.readFileSync(serialPath(vm), "utf8");
    } catch {
      return "";
    }
  };
  const isUp = (vm: Vm) => vm.pid > 0 && tier.running(vm.pid, workDir);
  const launch = (vm: Vm) => {
    if (vm.boots > 0 && fs.existsSync(serialPath(vm))) {
      fs.renameSync(serialPath(vm), path.join(vm.dir, `serial.${vm.boots}.log`));
    }
    vm.pid = tier.launch(vm.spec);
    vm.boots++;
    record.pids.push(vm.pid);
    writeRecord(id, record);
  };
  const sshBase = (vm: Vm) => [
    "ssh",
    "-i",
    key.privateKeyPath,
    "-o",
    "StrictHostKeyChecking=no",
    "-o",
    "UserKnownHostsFile=/dev/null",
    "-o",
    "LogLevel=ERROR",
    "-o",
    "BatchMode=yes",
    "-o",
    "ConnectTimeout=5",
    "-o",
    "ServerAliveInterval=5",
    "-o",
    "ServerAliveCountMax=3",
    "-o",
    `ControlPath=${path.join(vm.dir, "ssh.ctl")}`,
  ];
  const target = (vm: Vm) => `${LAB_SSH_USER}@${vm.info.address}`;
  // One multiplexing master per VM (exec then costs ~0.2 s instead of a new handshake under TCG).
  // Started detached with no pipes to us; it ends with `ssh -O exit`, or by itself once the VM is gone.
  const startMaster = (vm: Vm) => runDetached(["ip", "netns", "exec", netns, ...sshBase(vm), "-M", "-N", "-f", target(vm)], 30_000);
  const stopMaster = (vm: Vm) =>
    runSync(["ssh", "-o", `ControlPath=${path.join(vm.dir, "ssh.ctl")}`, "-O", "exit", target(vm)], {
      allowFail: true,
      stdio: "ignore",
      timeout: 10_000,
    });
  const sshArgs = (vm: Vm, remote: string) => ["netns", "exec", netns, ...sshBase(vm), "-o", "ControlMaster=no", target(vm), remote];
  const exec = async (host: string, cmd: string, o: { asRoot?: boolean; timeoutMs?: number } = {}) => {
    const vm = vmOf(host);
    const remote = o.asRoot === false ? cmd : `sudo -n sh -c ${shellQuote(cmd)}`;
    const r = await ask(["ip", ...sshArgs(vm, remote)], o.timeoutMs ?? 60_000);
    // sudo's warning when the payload's /etc/hosts does not name the host; not the command's output
    r.stderr = r.stderr.replace(/^sudo: unable to resolve host [^\n]*\n?/m, "");
    return r;
  };
  /** Polls until ssh logs in; the successful login becomes the multiplexing master. */
  const waitSsh = async (vm: Vm, deadline: number) => {
    stopMaster(vm);
    for (;;) {
      if ((await startMaster(vm)) === 0) return;
      if (Date.now() > deadline) {
        const r = await ask(["ip", ...sshArgs(vm, "true")], 15_000);
        throw new Error(`${vm.info.hostname}: ssh did not answer: ${r.stderr.trim()}`);
      }
      if (!isUp(vm)) throw new Error(`${vm.info.hostname}: ${tier.name} exited\n${readSerial(vm).slice(-3000)}`);
      await sleep(2000);
    }
  };

  try {
    // ---- network: namespace, one bridge per subnet, client addresses, taps
    runSync(["ip", "netns", "add", netns]);
    ipn("link", "set", "lo", "up");
    const bridgeOf = new Map<string, string>();
    subnets.forEach((s, i) => {
      const br = `hvbr${i}`;
      bridgeOf.set(s, br);
      // no STP, no forward delay, no multicast snooping (heartbeat may use bcast/mcast)
      ipn("link", "add", br, "type", "bridge", "stp_state", "0", "forward_delay", "0", "mcast_snooping", "0");
      ipn("link", "set", br, "up");
      if (clientAddresses[s]) ipn("addr", "add", clientAddresses[s], "dev", br);
    });

    parsed.forEach(({ node, nics }, vi) => {
      const dir = path.join(workDir, node.hostname);
      fs.mkdirSync(dir);
      const taps = nics.map((nic, ni) => ({ nic, tap: `hv${vi}n${ni}` }));
      for (const { nic, tap } of taps) {
        ipn("tuntap", "add", "dev", tap, "mode", "tap");
        ipn("link", "set", tap, "master", bridgeOf.get(nic.subnet)!);
        ipn("link", "set", tap, "up");
      }
      const reach = nics.find((n) => clientAddresses[n.subnet]);
      if (!reach) throw new Error(`${node.hostname}: no NIC on a segment where the client is`);

      // ---- disks: the tier's overlay over the base image + NoCloud seed with the payload bytes
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
        workDir,
        netns,
        image,
        seed,
        nics: taps.map(({ nic, tap }) => ({ mac: nic.mac, tap })),
        memoryMiB: opts.memoryMiB ?? 448,
        consoleLog: path.join(dir, "serial.log"),
      };
      tier.createDisk(spec);
      const vm: Vm = {
        node,
        dir,
        taps,
        pid: 0,
        boots: 0,
        spec,
        info: { hostname: node.hostname, nics, address: reach.addresses[0].split("/")[0], rssMiB: 0, cloudInitStatus: "" },
      };
      vms.set(node.hostname, vm);
    });
    lap("network");

    // ---- boot all, wait for cloud-init's final message on every serial console
    for (const vm of vms.values()) launch(vm);
    log(`booted ${vms.size} ${tier.name} guest(s) in ${netns}: ${[...vms.keys()].join(", ")}; waiting for cloud-init`);
    const bootBound = opts.bootTimeoutSec ?? 180 + 90 * vms.size;
    const deadline = Date.now() + bootBound * 1000;
    const pending = new Set(vms.keys());
    while (pending.size > 0) {
      for (const host of [...pending]) {
        const vm = vmOf(host);
        const serial = readSerial(vm);
        const fin = serial.match(FINISHED_RE);
        if (fin) {
          if (/DataSourceNone/.test(fin[0])) throw new Error(`${host}: cloud-init found no NoCloud seed: ${fin[0]}`);
          log(`${host}: ${fin[0].trim()}`);
          pending.delete(host);
          // A failed stage (e.g. an unparsable network-config) may leave the VM unreachable: say why now.
          const failed = serial.match(/failed run of stage [^\n]*/g);
          if (failed) {
            const why = serial
              .split("\n")
              .filter((l) => /Error|WARNING|failed/.test(l) && /cloud-init/.test(l))
              .slice(-12);
            const msg = `${host}: cloud-init ${failed.join("; ")}\n${why.join("\n")}`;
            if (opts.strict ?? true) throw new Error(msg);
            log(msg);
          }
        } else if (!isUp(vm)) {
          throw new Error(`${host}: ${tier.name} exited during boot\n${serial.slice(-3000)}`);
        } else if (/Kernel panic/.test(serial)) {
          throw new Error(`${host}: kernel panic\n${serial.slice(-3000)}`);
        }
      }
      if (pending.size === 0) break;
      if (Date.now() > deadline) {
        const tails = [...pending].map((h) => `--- ${h}\n${readSerial(vmOf(h)).slice(-2000)}`).join("\n");
        throw new Error(`cloud-init did not finish within ${bootBound} s on ${[...pending].join(", ")}\n${tails}`);
      }
      await sleep(1000);
    }
    lap("boot");

    // ---- ssh in and collect cloud-init's verdict and memory, one VM at a time: in CI, five VMs
    // asked at once on two emulated cores needed more than a minute for `cloud-init status`.
    // result.json is what that command reads, without starting Python; it is written just after
    // the "finished" console line, so wait for it.
    const problems: string[] = [];
    const readyDeadline = Date.now() + READY_LIMIT_MS;
    const left = () => Math.max(readyDeadline - Date.now(), 10_000);
    for (const vm of vms.values()) {
      const host = vm.info.hostname;
      await waitSsh(vm, readyDeadline);
      const st = await exec(
        host,
        "for i in $(seq 60); do [ -e /run/cloud-init/result.json ] && break; sleep 1; done; " +
          `cat /run/cloud-init/result.json; echo; echo ${LOG_MARK}; grep -hE "WARNING|ERROR|Traceback|Failed" /var/log/cloud-init.log | tail -n 30`,
        { timeoutMs: left() },
      );
      vm.info.cloudInitStatus = st.stdout.trim();
      vm.info.rssMiB = tier.memoryMiB(vm.pid, workDir);
      const errors = cloudInitErrors(st.stdout);
      if (st.code !== 0 || errors === undefined || errors.length > 0) {
        problems.push(`--- ${host}: ${errors?.length ? errors.join("; ") : "no verdict"}\n${st.stdout}${st.stderr}`);
      }
      const addrs = await exec(host, "ip -o addr show; echo ROUTES; ip route show default", { asRoot: false, timeoutMs: left() });
      const net = networkMismatches(vm.info.nics, addrs.stdout);
      if (net.length > 0) problems.push(`--- ${host}: network-config not applied as written\n${net.join("\n")}`);
    }
    lap("ready");
    if (problems.length > 0) {
      const msg = `cloud-init reported problems:\n${problems.join("\n")}`;
      if (opts.strict ?? true) throw new Error(msg);
      log(msg);
    }
  } catch (e) {
    saveFailureLogs(
      id,
      [...vms.values()].map((vm) => vm.dir),
    );
    cleanup();
    throw e;
  }

  const lab: VmLab = {
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
      const r = await ask(
        [
          "ip",
          "netns",
          "exec",
          netns,
          "curl",
          "-sS",
          "--max-time",
          String(Math.ceil(tmo / 1000)),
          ...(o.args ?? []),
          "-w",
          "\n%{http_code}",
          url,
        ],
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
      stopMaster(vm);
      tier.kill(vm.pid, workDir, "SIGKILL");
      const until = Date.now() + 5000;
      while (isUp(vm) && Date.now() < until) runSync(["sleep", "0.05"], { allowFail: true });
    },
    async start(host, timeoutSec = 300) {
      const vm = vmOf(host);
      if (isUp(vm)) throw new Error(`${host} is running`);
      launch(vm);
      const deadline = Date.now() + timeoutSec * 1000;
      await waitSsh(vm, deadline);
      // ssh comes up before the rest of the boot (apache2, heartbeat): wait for systemd to settle
      const st = await exec(host, "systemctl is-system-running --wait", {
        timeoutMs: Math.max(deadline - Date.now(), 10_000),
      });
      return st.stdout.trim() || `unknown (${st.stderr.trim()})`;
    },
    setLink(host, nic, up) {
      const tap = vmOf(host).taps.find((t) => t.nic.name === nic);
      if (!tap) throw new Error(`${host} has no NIC ${nic}`);
      ipn("link", "set", tap.tap, up ? "up" : "down");
    },
    running: (host) => isUp(vmOf(host)),
    serialLog: (host) => readSerial(vmOf(host)),
    memory() {
      const out: Record<string, number> = {};
      for (const [h, vm] of vms) if (isUp(vm)) out[h] = tier.memoryMiB(vm.pid, workDir);
      return out;
    },
    cleanup,
  };
  return lab;
}

/**
 * The errors in cloud-init's /run/cloud-init/result.json (what `cloud-init status` reports), given
 * the file followed by LOG_MARK; undefined when there is no readable verdict.
 */
export function cloudInitErrors(output: string): string[] | undefined {
  try {
    const result = JSON.parse(output.split(LOG_MARK)[0]) as { v1?: { errors?: unknown } };
    const errors = result.v1?.errors;
    return Array.isArray(errors) ? errors.map(String) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Compares the NICs of a network-config with `ip -o addr; ip route show default` in the VM:
 * every set-name interface with its static addresses, and the default route if one was asked for.
 */
export function networkMismatches(nics: LabNic[], ipOutput: string): string[] {
  const [addrPart, routePart = ""] = ipOutput.split("ROUTES");
  const out: string[] = [];
  for (const nic of nics) {
    for (const a of nic.addresses) {
      const re = new RegExp(`^\\d+: ${nic.name}\\s+inet6? ${a.replace(/[.]/g, "\\.")} `, "m");
      if (!re.test(addrPart)) out.push(`  ${nic.name} lacks ${a} (interface not renamed, or address not configured)`);
    }
    if (nic.gateway && !routePart.includes(`default via ${nic.gateway} `)) {
      out.push(
        `  no default route via ${nic.gateway} on ${nic.name}; cloud-init 22.4's ifupdown (eni) renderer turns v2 ` +
          "`routes:` into `post-up route add` (net-tools, absent) and rejects `to: default`: use `gateway4:`",
      );
    }
  }
  return out;
}

/** Keeps the serial logs and payloads of a failed start in .lab-cache/failed/<id>/ (last 5 kept). */
function saveFailureLogs(id: string, dirs: string[]): void {
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
