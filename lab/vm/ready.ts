/**
 * Readiness of booted guests: log in to each, read cloud-init's verdict and the guest's host
 * memory, and compare the interfaces with the network-config.
 */
import type { LabNic } from "../common/payload";
import type { Guest, GuestSite } from "./guest";
import type { GuestSsh } from "./ssh";

/** Bound for logging in to every VM and reading its verdict after cloud-init finished: a wait, not a measurement. */
const READY_LIMIT_MS = 300_000;
const LOG_MARK = "--- cloud-init.log warnings";

/**
 * Collects each guest's verdict and memory, one guest at a time: in CI, five VMs asked at once on
 * two emulated cores needed more than a minute for `cloud-init status`. result.json is what that
 * command reads, without starting Python; it is written just after the "finished" console line, so
 * wait for it. Returns the problems found (empty when every guest is as its payload says).
 */
export async function waitReady(site: GuestSite, guests: readonly Guest[], ssh: GuestSsh): Promise<string[]> {
  const problems: string[] = [];
  const readyDeadline = Date.now() + READY_LIMIT_MS;
  const left = () => Math.max(readyDeadline - Date.now(), 10_000);
  for (const g of guests) {
    const host = g.info.hostname;
    await ssh.waitLogin(g, readyDeadline);
    const st = await ssh.exec(
      g,
      "for i in $(seq 60); do [ -e /run/cloud-init/result.json ] && break; sleep 1; done; " +
        `cat /run/cloud-init/result.json; echo; echo ${LOG_MARK}; grep -hE "WARNING|ERROR|Traceback|Failed" /var/log/cloud-init.log | tail -n 30`,
      { timeoutMs: left() },
    );
    g.info.cloudInitStatus = st.stdout.trim();
    g.info.rssMiB = site.tier.memoryMiB(g.pid, site.workDir);
    const errors = cloudInitErrors(st.stdout);
    if (st.code !== 0 || errors === undefined || errors.length > 0) {
      problems.push(`--- ${host}: ${errors?.length ? errors.join("; ") : "no verdict"}\n${st.stdout}${st.stderr}`);
    }
    const addrs = await ssh.exec(g, "ip -o addr show; echo ROUTES; ip route show default", { asRoot: false, timeoutMs: left() });
    const net = networkMismatches(g.info.nics, addrs.stdout);
    if (net.length > 0) problems.push(`--- ${host}: network-config not applied as written\n${net.join("\n")}`);
  }
  return problems;
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
