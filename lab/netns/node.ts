/**
 * One lab "VM": a network namespace plus, per boot, a PID + mount + UTS
 * namespace whose init is a zombie-reaping bash. Its "disk" is a directory
 * holding private copies of /etc, /var/www, /var/lib/heartbeat, ... that are
 * bind-mounted over the host paths inside the node's mount namespace only.
 * Killing the init kills every process of the node and nothing else.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ParsedCloudConfig, CloudConfigFile, LabNic } from "../common/payload";
import { CLEAN_ENV, isAlive, killPid, run, runLogged, shellQuote as q, sleep, type RunResult } from "../common/proc";
import { deleteNetns, addNetns, type LabNetwork } from "./network";
import type { LabResources } from "./resources";

/** Host directories each node gets its own persistent copy of (its "disk"). */
const DISK_DIRS = ["/etc", "/var/lib/heartbeat", "/var/lib/apache2", "/var/cache/apache2", "/var/www", "/var/log"];
/** Heartbeat state that identifies a node; a fresh VM has none. */
const HEARTBEAT_STATE = ["hb_uuid", "hostcache", "delhostcache", "hb_generation", "fifo"];

/** What the lab boots one namespace node from (the product renders from a NodeSpec). */
export interface LabNodeSpec {
  hostname: string;
  index: number;
  cloudConfig: ParsedCloudConfig;
  nics: LabNic[];
  /**
   * The lab's stand-in hypervisor (fake-virsh.sh and its request folder), bind-mounted over
   * /usr/local/sbin inside this node only, so `virsh` on heartbeat's PATH is the stand-in. @default none
   */
  hypervisorDir?: string;
  /**
   * Serial cables: the lab's pty (a socat link on the host) bound over `device` (such as /dev/ttyS0)
   * on the node's private /dev, so heartbeat's `serial` medium opens the host's pty. @default none
   */
  serialLinks?: readonly { device: string; hostLink: string }[];
}

type Log = (line: string) => void;

export class LabNodeVm {
  readonly netns: string;
  readonly dir: string;
  readonly root: string;
  /** Services started at boot (init scripts), as `update-rc.d` left them. */
  private enabled: string[] = [];
  private boots = 0;
  private init?: { unshare: ChildProcess; unsharePid: number; pid1: number };
  private expectedExit = false;

  constructor(
    readonly spec: LabNodeSpec,
    private readonly net: LabNetwork,
    private readonly res: LabResources,
    private readonly log: Log,
  ) {
    this.netns = `hal-ns-${spec.hostname}`;
    this.dir = path.join(res.workdir, spec.hostname);
    this.root = path.join(this.dir, "root");
  }

  get hostname(): string {
    return this.spec.hostname;
  }

  get running(): boolean {
    return this.init !== undefined;
  }

  get bootLog(): string {
    return path.join(this.dir, "boot.log");
  }

  /** Builds the node's disk: host copies of DISK_DIRS, then the non-deferred write_files. */
  async prepareDisk(): Promise<void> {
    fs.mkdirSync(this.root, { recursive: true });
    for (const d of DISK_DIRS) {
      const target = path.join(this.root, d);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (d === "/var/log") {
        await copyDirSkeleton(d, target);
      } else {
        await run(["cp", "-a", d, target], { timeoutMs: 60_000 });
      }
    }
    for (const f of HEARTBEAT_STATE) fs.rmSync(path.join(this.root, "var/lib/heartbeat", f), { force: true, recursive: true });
    fs.writeFileSync(path.join(this.root, "etc/hostname"), `${this.hostname}\n`);
    fs.writeFileSync(path.join(this.dir, "rsyslog.conf"), RSYSLOG_CONF);
    for (const f of this.spec.cloudConfig.files.filter((x) => !x.defer)) await this.writeFile(f);
  }

  private async writeFile(f: CloudConfigFile): Promise<void> {
    if (!DISK_DIRS.some((d) => f.path.startsWith(`${d}/`))) {
      throw new Error(`${this.hostname}: write_files ${f.path} is outside the node-private directories (${DISK_DIRS.join(", ")})`);
    }
    const target = path.join(this.root, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    fs.writeFileSync(target, f.content);
    fs.chmodSync(target, parseInt(f.permissions, 8));
    await run(["chown", f.owner, target]);
  }

  /** Power on: NICs as network-config says, then init; the first boot also plays cloud-init. */
  async boot(): Promise<void> {
    this.boots++;
    await addNetns(this.res, this.netns);
    await run(["ip", "-n", this.netns, "link", "set", "lo", "up"]);
    await this.net.plugNode(this.netns, this.hostname, this.spec.index, this.spec.nics);
    await this.startInit();
    if (this.boots === 1) await this.firstBoot();
    else await this.laterBoot();
  }

  /** Power cut: every process of the node dies at once, its NICs vanish (links go down). */
  async crash(): Promise<void> {
    const init = this.init;
    if (!init) throw new Error(`${this.hostname} is not running`);
    this.expectedExit = true;
    killPid(init.pid1, "SIGKILL");
    await this.waitInitGone();
    await deleteNetns(this.res, this.netns);
  }

  private async waitInitGone(): Promise<void> {
    for (let i = 0; i < 100 && this.init; i++) await sleep(50);
    if (this.init) throw new Error(`${this.hostname}: init did not exit after SIGKILL`);
  }

  /** The lab is being torn down from outside: the init's end is expected. */
  abandon(): void {
    this.expectedExit = true;
  }

  /** Ends the node at lab teardown. */
  async powerOff(): Promise<void> {
    if (this.init) await this.crash();
    else if (fs.existsSync(`/run/netns/${this.netns}`)) await deleteNetns(this.res, this.netns);
  }

  private async startInit(): Promise<void> {
    const consolePath = path.join(this.dir, "console.log");
    fs.appendFileSync(consolePath, `--- boot ${this.boots} ---\n`);
    const fd = fs.openSync(consolePath, "a");
    const unshare = spawn(
      "ip",
      [
        "netns",
        "exec",
        this.netns,
        "unshare",
        "--fork",
        "--pid",
        "--mount-proc",
        "--uts",
        "--mount",
        "--propagation",
        "private",
        "--kill-child",
        "--",
        "bash",
        "-c",
        this.initScript(),
      ],
      { stdio: ["ignore", fd, fd], env: CLEAN_ENV, detached: true },
    );
    fs.closeSync(fd);
    const unsharePid = unshare.pid;
    if (unsharePid === undefined) throw new Error(`${this.hostname}: could not start unshare`);
    this.res.addPid(unsharePid, `${this.hostname} unshare`);
    this.expectedExit = false;
    unshare.on("exit", (code, signal) => {
      if (this.init?.unsharePid !== unsharePid) return;
      this.res.dropPid(unsharePid);
      this.res.dropPid(this.init.pid1);
      this.init = undefined;
      if (!this.expectedExit) {
        this.log(`${this.hostname}: node init ended on its own (${signal ?? `exit ${code}`}), e.g. heartbeat's reboot -nf; node is down`);
        void deleteNetns(this.res, this.netns).catch(() => undefined);
      }
    });

    const deadline = Date.now() + 15_000;
    let pid1: number | undefined;
    while (Date.now() < deadline) {
      const consoleText = fs.readFileSync(consolePath, "utf8");
      if (consoleText.includes(`HAL-READY ${this.boots}\n`)) {
        const children = fs.readFileSync(`/proc/${unsharePid}/task/${unsharePid}/children`, "utf8").trim();
        pid1 = Number(children.split(" ")[0]);
        break;
      }
      if (!isAlive(unsharePid)) break;
      await sleep(50);
    }
    if (!pid1) {
      killPid(unsharePid, "SIGKILL");
      throw new Error(`${this.hostname}: node init did not come up; see ${consolePath}\n${tail(consolePath, 15)}`);
    }
    this.init = { unshare, unsharePid, pid1 };
    this.res.addPid(pid1, `${this.hostname} init`);
  }

  /** Runs as PID 1 of the node: private /dev, /run, /tmp, the disk binds, syslog; then reaps forever. */
  private initScript(): string {
    const binds = DISK_DIRS.map((d) => `mount --bind ${q(path.join(this.root, d))} ${q(d)}`).join("\n");
    const runDirs = tmpfilesRunDirs()
      .map((e) => `mkdir -p -m ${e.mode} ${q(e.path)} && chown ${e.owner} ${q(e.path)} || true`)
      .join("\n");
    // A pty lives on its devpts: bind it (through a stage file) before /dev is replaced, then over the device.
    const serial = (this.spec.serialLinks ?? []).map((l, i) => ({ ...l, stage: path.join(this.dir, `serial-${i}`) }));
    const stageSerial = serial.map((l) => `: > ${q(l.stage)}; mount --bind "$(readlink -f ${q(l.hostLink)})" ${q(l.stage)}`).join("\n");
    const bindSerial = serial.map((l) => `: > ${q(l.device)}; mount --bind ${q(l.stage)} ${q(l.device)}`).join("\n");
    return `set -eu
hostname ${q(this.hostname)}
${stageSerial}
mount -t tmpfs -o mode=0755,nosuid hal-dev /dev
mknod -m 666 /dev/null c 1 3; mknod -m 666 /dev/zero c 1 5; mknod -m 666 /dev/full c 1 7
mknod -m 666 /dev/random c 1 8; mknod -m 666 /dev/urandom c 1 9; mknod -m 666 /dev/tty c 5 0
mkdir -m 755 /dev/pts; mkdir -m 1777 /dev/shm
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 hal-pts /dev/pts; ln -s pts/ptmx /dev/ptmx
mount -t tmpfs -o mode=1777,nosuid,nodev hal-shm /dev/shm
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
${bindSerial}
mount -t tmpfs -o mode=0755,nosuid,nodev hal-run /run
mkdir -m 1777 /run/lock
${runDirs}
mount -t tmpfs -o mode=1777,nosuid,nodev hal-tmp /tmp
${binds}
${this.standInsScript()}
rsyslogd -f ${q(path.join(this.dir, "rsyslog.conf"))} -i /run/rsyslogd.pid
echo "HAL-READY ${this.boots}"
exec bash -c 'while :; do sleep 3600 & wait $!; done'
`;
  }

  /** The ha.cf watchdog device of this node's payload, if it names one. */
  get watchdogDevice(): string | undefined {
    const haCf = this.spec.cloudConfig.files.find((f) => f.path === "/etc/ha.d/ha.cf")?.content ?? "";
    return /^watchdog\s+(\S+)\s*$/m.exec(haCf)?.[1];
  }

  /**
   * Boot-time stand-ins, inside the node's own mount namespace: the lab's virsh, and for a
   * `watchdog` line a plain file on the node's private /dev tmpfs, never a device (heartbeat
   * opens it O_WRONLY and writes a byte per tickle, which the lab counts).
   */
  private standInsScript(): string {
    const lines: string[] = [];
    if (this.spec.hypervisorDir) lines.push(`mount --bind ${q(this.spec.hypervisorDir)} /usr/local/sbin`);
    const device = this.watchdogDevice;
    if (device !== undefined) {
      if (device !== WATCHDOG_STANDIN)
        throw new Error(`${this.hostname}: ha.cf watchdog ${device}: the lab stands in for ${WATCHDOG_STANDIN} only`);
      lines.push(`: > ${WATCHDOG_STANDIN}`, `[ -f ${WATCHDOG_STANDIN} ] && [ ! -c ${WATCHDOG_STANDIN} ]`);
    }
    return lines.join("\n");
  }

  /** Bytes heartbeat has written to the watchdog stand-in (one per tickle); undefined when powered off. */
  async watchdogBytes(): Promise<number | undefined> {
    if (!this.init) return undefined;
    const r = await this.exec(["stat", "-c", "%s %F", WATCHDOG_STANDIN], 5000);
    const m = /^(\d+) regular/.exec(r.stdout.trim());
    if (!m) throw new Error(`${this.hostname}: ${WATCHDOG_STANDIN} is not the lab's plain file: ${r.stdout.trim() || r.stderr.trim()}`);
    return Number(m[1]);
  }

  /** Sends `signal` to heartbeat's master control process, by the PID it recorded in /run/heartbeat.pid. */
  async signalHeartbeat(signal: "STOP" | "CONT"): Promise<number> {
    const pid = Number((await this.exec(["cat", "/run/heartbeat.pid"], 5000)).stdout.trim());
    if (!Number.isInteger(pid) || pid < 2) throw new Error(`${this.hostname}: no heartbeat PID recorded in /run/heartbeat.pid`);
    const r = await this.exec(["kill", `-${signal}`, String(pid)], 5000);
    if (r.code !== 0) throw new Error(`${this.hostname}: kill -${signal} ${pid}: ${r.stderr.trim()}`);
    return pid;
  }

  /** What cloud-init does on first boot after the network: package postinsts, deferred files, runcmd. */
  private async firstBoot(): Promise<void> {
    const cc = this.spec.cloudConfig;
    // apt starts a package's service from its postinst and enables it at boot.
    for (const pkg of cc.packages) {
      if (!fs.existsSync(path.join(this.root, "etc/init.d", pkg))) continue;
      this.enabled.push(pkg);
      await this.step(`package ${pkg} postinst`, [`/etc/init.d/${pkg}`, "start"], false);
    }
    for (const f of cc.files.filter((x) => x.defer)) await this.writeFile(f);
    for (const argv of cc.runcmd) await this.runcmd(argv);
  }

  /** Later boots: only the services left enabled start. */
  private async laterBoot(): Promise<void> {
    for (const svc of this.enabled) await this.step(`boot: start ${svc}`, [`/etc/init.d/${svc}`, "start"], false);
  }

  private async runcmd(argv: string[]): Promise<void> {
    const [cmd, ...args] = argv;
    const shown = `runcmd ${argv.join(" ")}`;
    if (cmd === "update-rc.d") {
      const [svc, action] = args.filter((a) => !a.startsWith("-"));
      if (action === "disable" || action === "remove") this.enabled = this.enabled.filter((s) => s !== svc);
      else if ((action === "enable" || action === "defaults") && !this.enabled.includes(svc)) this.enabled.push(svc);
      this.log(`${this.hostname}: ${shown}: skipped, boot-time only (start at next boot: ${this.enabled.join(", ") || "nothing"})`);
      return;
    }
    if (cmd === "service" && args.length >= 2) {
      await this.step(shown, [`/etc/init.d/${args[0]}`, ...args.slice(1)], true);
      return;
    }
    if (cmd === "sysctl") {
      await this.sysctl(shown, args);
      return;
    }
    if (cmd === "modprobe" || cmd === "insmod") {
      // A node shares the host's kernel: loading softdog here would arm the CI machine's reset.
      this.log(
        `${this.hostname}: ${shown}: skipped, never load modules into the host kernel (the node has a plain file as ${WATCHDOG_STANDIN})`,
      );
      return;
    }
    await this.step(shown, argv, true);
  }

  /** Only per-netns keys (net.*) may be set from a node; the others would change the host. */
  private async sysctl(shown: string, args: string[]): Promise<void> {
    const files = args[0] === "-p" ? [args[1] ?? "/etc/sysctl.conf"] : [];
    if (files.length === 0) throw new Error(`${this.hostname}: ${shown}: only 'sysctl -p FILE' is supported in the netns lab`);
    const text = fs.readFileSync(path.join(this.root, files[0]), "utf8");
    for (const line of text.split("\n").map((l) => l.trim())) {
      const m = /^([\w.\-/]+)\s*=\s*(.*)$/.exec(line);
      if (!m) continue;
      if (!m[1].startsWith("net.")) {
        this.log(`${this.hostname}: ${shown}: skipped ${m[1]} (not per network namespace)`);
        continue;
      }
      await this.step(`${shown} (${m[1]})`, ["sysctl", "-w", `${m[1]}=${m[2]}`], true);
    }
  }

  private async step(what: string, argv: string[], mustSucceed: boolean): Promise<void> {
    fs.appendFileSync(this.bootLog, `\n# ${what}\n$ ${argv.join(" ")}\n`);
    const r = await this.execLogged(argv, this.bootLog, 120_000);
    const out =
      r.output
        .trim()
        .split("\n")
        .filter((l) => l !== "")
        .slice(-1)[0] ?? "";
    this.log(`${this.hostname}: ${what} -> exit ${r.code}${out ? ` (${out.slice(0, 100)})` : ""}`);
    if (mustSucceed && r.code !== 0) {
      throw new Error(`${this.hostname}: ${what} failed with exit ${r.code}:\n${r.output.trim()}`);
    }
  }

  private nsenter(argv: string[]): string[] {
    if (!this.init) throw new Error(`${this.hostname} is not running`);
    return ["nsenter", "-t", String(this.init.pid1), "-m", "-u", "-n", "-p", "--", ...argv];
  }

  /** A command inside the node, output through pipes (not for commands that leave daemons). */
  exec(argv: string[], timeoutMs = 10_000): Promise<RunResult> {
    return run(this.nsenter(argv), { allowFail: true, timeoutMs, env: CLEAN_ENV });
  }

  /** A command inside the node that may leave daemons behind; output appended to logPath. */
  execLogged(argv: string[], logPath: string, timeoutMs = 120_000): Promise<{ code: number | null; output: string }> {
    return runLogged(this.nsenter(argv), logPath, { timeoutMs });
  }

  /** Addresses on the node's interfaces, as `ip -o addr` shows them; none when powered off. */
  async addresses(): Promise<string[]> {
    if (!this.init) return [];
    const r = await run(["ip", "-n", this.netns, "-o", "-4", "addr", "show"], { allowFail: true, timeoutMs: 5000 });
    return [...r.stdout.matchAll(/\binet (\S+)/g)].map((m) => m[1].split("/")[0]);
  }

  /** The alias label `ip -o addr` shows for `address` (`public:0`), or the interface name when it has none. */
  async labelOf(address: string): Promise<string | undefined> {
    if (!this.init) return undefined;
    const r = await run(["ip", "-n", this.netns, "-o", "-4", "addr", "show"], { allowFail: true, timeoutMs: 5000 });
    const line = r.stdout.split("\n").find((l) => l.includes(` inet ${address}/`));
    return line?.split("\\")[0].trim().split(/\s+/).pop();
  }

  /** What this node's heartbeat says about `peer` (active, up, dead, ...), undefined if it cannot tell. */
  async peerStatus(peer: string): Promise<string | undefined> {
    if (!this.init) return undefined;
    // cl_status exits 1 for a dead node, so the answer is in stdout alone. While heartbeat restarts
    // itself (both nodes do after a healed partition) cl_status can hang on its API socket: no answer
    // yet, as undefined, so callers keep polling within their own bound.
    const r = await this.exec(["cl_status", "nodestatus", peer], 5000).catch(() => undefined);
    return r?.stdout.trim() || undefined;
  }

  async isRunning(program: string): Promise<boolean> {
    if (!this.init) return false;
    return (await this.exec(["pidof", program], 5000)).code === 0;
  }

  /**
   * Fault injection: the node's heartbeat scripts lose the next cluster message whose type is one
   * of `types`, as if its write to heartbeat's FIFO had been mangled. Only this node's private
   * /etc/ha.d/shellfuncs changes; the dropped message is kept for lostMessage().
   */
  loseNextClusterMessage(types: string[]): void {
    const file = this.shellfuncsPath;
    const text = fs.readFileSync(file, "utf8");
    if (!text.includes(ORIGINAL_CLUSTERMSG))
      throw new Error(`${this.hostname}: ha_clustermsg in shellfuncs is not the one the fault injection knows`);
    fs.writeFileSync(`${file}.hal-orig`, text);
    fs.rmSync(this.lostMessagePath, { force: true });
    fs.rmSync(`${this.lostMessagePath}.d`, { force: true, recursive: true });
    fs.writeFileSync(file, text.replace(ORIGINAL_CLUSTERMSG, lossyClusterMsg(types, LOST_MESSAGE_IN_NODE)));
  }

  /** Undoes loseNextClusterMessage. */
  restoreClusterMessages(): void {
    const file = this.shellfuncsPath;
    if (fs.existsSync(`${file}.hal-orig`)) fs.renameSync(`${file}.hal-orig`, file);
  }

  /** The message loseNextClusterMessage dropped, if it has dropped one. */
  lostMessage(): string | undefined {
    return fs.existsSync(this.lostMessagePath) ? fs.readFileSync(this.lostMessagePath, "utf8") : undefined;
  }

  /** This node's private copy of heartbeat's shell library. */
  private get shellfuncsPath(): string {
    return path.join(this.root, "etc/ha.d/shellfuncs");
  }

  private get lostMessagePath(): string {
    return path.join(this.root, LOST_MESSAGE_IN_NODE);
  }

  /** Syslog lines of this node that match. */
  syslogLines(pattern: RegExp): string[] {
    const file = this.syslogPath;
    return fs.existsSync(file)
      ? fs
          .readFileSync(file, "utf8")
          .split("\n")
          .filter((l) => pattern.test(l))
      : [];
  }

  syslogTail(lines: number): string {
    return tail(this.syslogPath, lines);
  }

  private get syslogPath(): string {
    return path.join(this.root, "var/log/syslog");
  }
}

/** The only watchdog device the lab stands in for, as a plain file on the node's own /dev tmpfs. */
const WATCHDOG_STANDIN = "/dev/watchdog";

/** Debian heartbeat 3.0.6's ha_clustermsg: one message framed by >>> and <<< into the FIFO. */
const ORIGINAL_CLUSTERMSG = 'ha_clustermsg() {\n\t(echo ">>>"; cat -; echo "<<<")\t| cat - >> $HA_FIFO\n}';
const LOST_MESSAGE_IN_NODE = "/var/lib/heartbeat/hal-lost-message";

/** ha_clustermsg that swallows the first message of one of the given types (mkdir makes "first" atomic). */
function lossyClusterMsg(types: string[], lostPath: string): string {
  const typeLines = types.map((t) => `-e ${q(`t=${t}`)}`).join(" ");
  return `ha_clustermsg() {
\thal_lab_msg=$(cat -)
\tif printf '%s\\n' "$hal_lab_msg" | grep -qx ${typeLines} && mkdir ${q(`${lostPath}.d`)} 2>/dev/null; then
\t\tprintf '%s\\n' "$hal_lab_msg" > ${q(lostPath)}
\t\treturn 0
\tfi
\t(echo ">>>"; printf '%s\\n' "$hal_lab_msg"; echo "<<<") | cat - >> $HA_FIFO
}`;
}

const RSYSLOG_CONF = `module(load="imuxsock" SysSock.RateLimit.Interval="0")
*.* action(type="omfile" file="/var/log/syslog" template="RSYSLOG_FileFormat")
`;

/** The `d` entries under /run from tmpfiles.d, which systemd-tmpfiles would create at boot. */
function tmpfilesRunDirs(): { path: string; mode: string; owner: string }[] {
  const dir = "/usr/lib/tmpfiles.d";
  const out: { path: string; mode: string; owner: string }[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".conf"))
    .sort()) {
    for (const line of fs.readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const [type, p, mode, user, group] = line.trim().split(/\s+/);
      if ((type !== "d" && type !== "D") || !p?.startsWith("/run/") || p.includes("%")) continue;
      const owner = `${user && user !== "-" ? user : "root"}:${group && group !== "-" ? group : "root"}`;
      out.push({ path: p, mode: mode && mode !== "-" ? mode : "0755", owner });
    }
  }
  return out;
}

/** /var/log for a fresh node: the host's directories (modes and owners kept), no log files. */
async function copyDirSkeleton(src: string, target: string): Promise<void> {
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const st = fs.statSync(path.join(src, entry.name));
    const t = path.join(target, entry.name);
    fs.mkdirSync(t);
    fs.chmodSync(t, st.mode & 0o7777);
    fs.chownSync(t, st.uid, st.gid);
  }
}

function tail(file: string, lines: number): string {
  if (!fs.existsSync(file)) return `(no ${file})`;
  return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}
