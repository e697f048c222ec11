/**
 * ssh from the lab's client side (inside the lab namespace) to the guests, as the payload's admin
 * user (`admin` unless the stack names it) with the lab's key. One multiplexing master per guest: exec then costs ~0.2 s instead of a new handshake
 * under TCG. The master is started detached with no pipes to us; it ends with `ssh -O exit`, or by
 * itself once the guest is gone.
 */
import * as path from "path";
import { run, runDetached, runSync, shellQuote, sleep, type RunResult } from "../common/proc";
import { isUp, readSerial, type Guest, type GuestSite } from "./guest";

/** A command whose failure or timeout is an answer for the caller to read, not an error. */
export const ask = (argv: string[], timeoutMs: number): Promise<RunResult> => run(argv, { timeoutMs, allowFail: true, allowTimeout: true });

export class GuestSsh {
  constructor(
    private readonly site: GuestSite,
    private readonly privateKeyPath: string,
  ) {}

  private base(g: Guest): string[] {
    return [
      "ssh",
      "-i",
      this.privateKeyPath,
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
      `ControlPath=${path.join(g.dir, "ssh.ctl")}`,
    ];
  }

  private target(g: Guest): string {
    return `${g.info.sshUser}@${g.info.address}`;
  }

  private argv(g: Guest, remote: string): string[] {
    return ["ip", "netns", "exec", this.site.netns, ...this.base(g), "-o", "ControlMaster=no", this.target(g), remote];
  }

  private startMaster(g: Guest): Promise<number> {
    return runDetached(["ip", "netns", "exec", this.site.netns, ...this.base(g), "-M", "-N", "-f", this.target(g)], 30_000);
  }

  /** Ends the guest's master connection, if any. Synchronous: it runs in the lab's cleanup. */
  stopMaster(g: Guest): void {
    runSync(["ssh", "-o", `ControlPath=${path.join(g.dir, "ssh.ctl")}`, "-O", "exit", this.target(g)], {
      allowFail: true,
      stdio: "ignore",
      timeout: 10_000,
    });
  }

  /** Runs a shell command in the guest; as root (sudo) unless asRoot=false. */
  async exec(g: Guest, cmd: string, o: { asRoot?: boolean; timeoutMs?: number } = {}): Promise<RunResult> {
    const remote = o.asRoot === false ? cmd : `sudo -n sh -c ${shellQuote(cmd)}`;
    const r = await ask(this.argv(g, remote), o.timeoutMs ?? 60_000);
    // sudo's warning when the payload's /etc/hosts does not name the host; not the command's output
    return { ...r, stderr: r.stderr.replace(/^sudo: unable to resolve host [^\n]*\n?/m, "") };
  }

  /** Polls until ssh logs in; the successful login becomes the multiplexing master. */
  async waitLogin(g: Guest, deadline: number): Promise<void> {
    this.stopMaster(g);
    for (;;) {
      if ((await this.startMaster(g)) === 0) return;
      if (Date.now() > deadline) {
        const r = await ask(this.argv(g, "true"), 15_000);
        throw new Error(`${g.info.hostname}: ssh did not answer: ${r.stderr.trim()}`);
      }
      if (!isUp(this.site, g)) throw new Error(`${g.info.hostname}: ${this.site.tier.name} exited\n${readSerial(g).slice(-3000)}`);
      await sleep(2000);
    }
  }
}
