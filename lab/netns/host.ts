/** Host prerequisites: root, the tools the lab drives, and the Debian packages the nodes run. */
import * as fs from "node:fs";
import { run } from "../common/proc";

/**
 * rsyslog is what heartbeat's `logfacility` logs through on the VMs (a Recommends of heartbeat);
 * msmtp-mta and bsd-mailx are what a payload with mailTo installs.
 */
export const NODE_PACKAGES = ["heartbeat", "apache2", "rsyslog", "msmtp-mta", "bsd-mailx"];
/** socat wires the serial medium's cable; python3 runs the router's SMTP sink. */
const HOST_TOOLS = ["curl", "iproute2", "util-linux", "procps", "socat", "python3", "nftables"];
/** Services the install may start or enable on the host; the lab runs them only inside nodes. */
const HOST_SERVICES = ["apache2", "apache-htcacheclean", "heartbeat", "pacemaker", "corosync", "logd", "openhpid", "msmtpd"];
const POLICY_RC_D = "/usr/sbin/policy-rc.d";

export const installCommand = (pkgs: string[]) => `DEBIAN_FRONTEND=noninteractive apt-get install -y ${pkgs.join(" ")}`;

async function missingPackages(pkgs: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const p of pkgs) {
    const r = await run(["dpkg-query", "-W", "-f=${Status}", p], { allowFail: true });
    if (!r.stdout.includes("install ok installed")) missing.push(p);
  }
  return missing;
}

export async function ensureHost(log: (s: string) => void): Promise<void> {
  if (process.platform !== "linux") throw new Error("the netns lab needs Linux");
  const root = process.getuid?.() === 0;
  const missing = await missingPackages([...NODE_PACKAGES, ...HOST_TOOLS]);
  if (missing.length === 0) return;
  if (!root) throw new Error(`missing packages ${missing.join(", ")}; as root run:\n  ${installCommand(missing)}`);

  log(`installing ${missing.join(" ")} on the host (services are kept from starting)`);
  // Debian's way to keep maintainer scripts from starting daemons: policy-rc.d exit 101.
  const hadScript = new Set(HOST_SERVICES.filter((svc) => fs.existsSync(`/etc/init.d/${svc}`)));
  const ownPolicy = !fs.existsSync(POLICY_RC_D);
  if (ownPolicy)
    fs.writeFileSync(POLICY_RC_D, "#!/bin/sh\n# written by the hal netns lab for the time of its apt-get install\nexit 101\n", {
      mode: 0o755,
    });
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    await run(["apt-get", "update"], { env, timeoutMs: 600_000 });
    await run(["apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=600", ...missing], { env, timeoutMs: 1_200_000 });
  } finally {
    if (ownPolicy) fs.rmSync(POLICY_RC_D, { force: true });
  }
  for (const svc of HOST_SERVICES.filter((x) => !hadScript.has(x))) {
    const script = `/etc/init.d/${svc}`;
    if (!fs.existsSync(script)) continue;
    const status = await run([script, "status"], { allowFail: true, timeoutMs: 30_000 });
    if (status.code === 0) {
      log(`stopping host ${svc} started by the install`);
      await run([script, "stop"], { allowFail: true, timeoutMs: 60_000 });
    }
    await run(["update-rc.d", svc, "disable"], { allowFail: true, timeoutMs: 30_000 });
  }
  const still = await missingPackages(missing);
  if (still.length > 0) throw new Error(`still missing after install: ${still.join(", ")}`);
}

export function assertRoot(): void {
  if (process.getuid?.() !== 0) {
    throw new Error("the netns lab creates network/PID/mount namespaces: run it as root");
  }
}
