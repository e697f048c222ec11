/**
 * The ipvs-options topology of the VM lab (IPVS_OPTIONS_STACK: one director, web1..web3): every
 * load-balancer option the presets leave at its default, proven on a live IPVS kernel in one boot.
 * acceptance.ts boots the guests and calls ipvsOptionsScenarios() with its scenario runner.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { IPVS_SCHEDULERS, renderIpvsadmRules, type IpvsVirtualService } from "../../cloud-init";
import { IPVS_OPTIONS } from "../common/ipvs-options-stack";
import { parseCloudConfig, type LabNode } from "../common/payload";
import { runSync, shellQuote, sleep } from "../common/proc";
import type { VmScenarioId } from "./scenarios";
import { check } from "./check";
import type { VmLab } from "./vm";

export type ScenarioRunner = (id: VmScenarioId, name: string, body: () => Promise<{ figures: string; detail: string }>) => Promise<void>;

const O = IPVS_OPTIONS;
const WEBS: string[] = O.webServers.map((w) => w.name);
const UDP_SCRIPT = join(__dirname, "udp-hostname.py");
/** Where the responder goes in the guests (tmpfs, gone at the next boot). */
const GUEST_UDP_SCRIPT = "/run/hal-udp-hostname.py";
/** The responder's own bound: it ends by itself if the lab dies before it stops it. */
const UDP_RESPONDER_S = 900;
/** wrr requests: the brief asks for at least 600. */
const WRR_REQUESTS = 600;
const WRR_TOLERANCE_PP = 2;
const PERSISTENT_REQUESTS = 60;
const UDP_PROBES = 30;
/** Bound on the boot's ipvsadm init script having restored the rules after cloud-init finished. */
const RULES_LIMIT_S = 120;

const now = () => performance.now() / 1000;
const sortedLines = (text: string) => text.split("\n").filter(Boolean).sort();

function countHosts(lines: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const host of lines) counts[host] = (counts[host] ?? 0) + 1;
  return counts;
}

/** `count` requests through one curl process, one TCP connection each, from `source` (default: the client's own address). */
async function pages(lab: VmLab, port: number, count: number, source?: string): Promise<string[]> {
  const r = await lab.client(
    [
      "curl",
      "-s",
      "--max-time",
      "30",
      ...(source ? ["--interface", source] : []),
      "-H",
      "Connection: close",
      "-w",
      "\n<end/>\n",
      `http://${O.vip}:${port}/?[1-${count}]`,
    ],
    count * 30_000,
  );
  return r.stdout.split("<end/>").slice(0, -1);
}

const servedBy = (page: string) => /<h1>(.*?)<\/h1>/.exec(page)?.[1] ?? "failed";

/** One scheduler per service (ports 10001..), rendered by the product, with weights, persistence on some, udp on some. */
function schedulerServices(): IpvsVirtualService[] {
  return IPVS_SCHEDULERS.map((scheduler, i) => ({
    protocol: i % 3 === 2 ? "udp" : "tcp",
    address: O.vip,
    port: 10001 + i,
    scheduler,
    ...(i % 2 === 1 ? { persistence: 60 * (i + 1) } : {}),
    realServers: O.webServers.map((w) => ({ address: w.privateAddress, weight: w.weight })),
  }));
}

/** The client's second address on the public segment, for a second client (persistence). */
function addSecondClient(lab: VmLab): string {
  const first = lab.clientAddresses["192.168.56.0/24"];
  check(first !== undefined, `the client has no public address: ${JSON.stringify(lab.clientAddresses)}`);
  const dev = runSync(["ip", "-n", lab.netns, "-o", "-4", "addr", "show"])
    .stdout.split("\n")
    .find((l) => l.includes(` ${first} `))
    ?.split(/\s+/)[1];
  check(dev !== undefined, `no bridge holds the client's ${first}`);
  // Below the client's own .254, and written nowhere in the payloads (clientAddressesFor's rule).
  const second = "192.168.56.250";
  runSync(["ip", "-n", lab.netns, "addr", "add", `${second}/24`, "dev", dev!]);
  return second;
}

export async function ipvsOptionsScenarios(lab: VmLab, nodes: readonly LabNode[], run: ScenarioRunner): Promise<void> {
  const lb = O.director.name;
  const directorNode = nodes.find((n) => n.hostname === lb);
  if (!directorNode) throw new Error(`the ipvs-options stack has no ${lb}`);
  const declared = parseCloudConfig(directorNode.userData).files.find((f) => f.path === "/etc/ipvsadm.rules")?.content;
  if (declared === undefined) throw new Error(`${lb}: the payload writes no /etc/ipvsadm.rules`);

  await run("vm.ipvs-options.schedulers", "5 ipvs-options: every scheduler restored into the kernel and read back", async () => {
    // The product's own rules first: wrr weights, the persistent and the udp service, -m throughout.
    const t0 = now();
    for (;;) {
      const live = await lab.execOk(lb, "ipvsadm-save -n");
      if (sortedLines(live).join("\n") === sortedLines(declared).join("\n")) break;
      check(now() - t0 < RULES_LIMIT_S, `ipvsadm-save -n on ${lb} differs from the payload's rules:\n${live || "(no rules)"}`);
      await sleep(3000);
    }
    const services = schedulerServices();
    // ipvsadm-restore clears the table first (Debian's wrapper runs ipvsadm -C): restore the
    // product's rules with the scheduler services, read the whole table back, then the product's alone.
    const rules = declared + renderIpvsadmRules(services);
    const file = "/run/hal-ipvs-schedulers.rules";
    const restore = (text: string) =>
      lab.execOk(lb, `printf '%s' ${shellQuote(text)} > ${file} && ipvsadm-restore < ${file} && rm -f ${file}`);
    let result: { figures: string; detail: string };
    try {
      await restore(rules);
      const back = sortedLines(await lab.execOk(lb, "ipvsadm-save -n"));
      const want = sortedLines(rules);
      const missing = want.filter((l) => !back.includes(l));
      const extra = back.filter((l) => !want.includes(l));
      check(
        missing.length === 0 && extra.length === 0,
        `read back differs; missing:\n${missing.join("\n")}\nunexpected:\n${extra.join("\n")}`,
      );
      const modules = (await lab.execOk(lb, "awk '/^ip_vs_/ {print $1}' /proc/modules")).split("\n").filter(Boolean);
      const absent = IPVS_SCHEDULERS.filter((s) => !modules.includes(`ip_vs_${s}`));
      check(absent.length === 0, `scheduler modules not loaded: ${absent.join(", ")}`);
      const readBack = back
        .filter((l) => l.startsWith("-A") && services.some((s) => l.includes(`:${s.port} `)))
        .map((l) => l.replace(/^-A (-[tu]) \S+:(\d+) -s /, "$1 :$2 "));
      result = {
        figures: `${services.length} schedulers + the product's 3 services: ${want.length} lines read back identical`,
        detail: `product rules (wrr 3/2/1, rr -p 300 on :8080, udp :5300, -m) read back identical; restored with them and read back (weights 3/2/1, -m): ${readBack.join("; ")}; modules ${modules.join(" ")}`,
      };
    } finally {
      await restore(declared);
    }
    const after = await lab.execOk(lb, "ipvsadm-save -n");
    check(sortedLines(after).join("\n") === sortedLines(declared).join("\n"), `the product's rules were not restored:\n${after}`);
    return result;
  });

  await run("vm.ipvs-options.wrr-weights", "6 ipvs-options: wrr 3/2/1 over web1..web3", async () => {
    const served = (await pages(lab, 80, WRR_REQUESTS)).map(servedBy);
    const counts = countHosts(served);
    const total = O.webServers.reduce((a, w) => a + w.weight, 0);
    const shares = O.webServers.map((w) => ({
      name: w.name,
      want: (100 * w.weight) / total,
      got: (100 * (counts[w.name] ?? 0)) / WRR_REQUESTS,
    }));
    const figures = shares.map((s) => `${s.name} ${s.got.toFixed(1)}% (${counts[s.name] ?? 0}, weight ${s.want.toFixed(1)}%)`).join(", ");
    check(served.length === WRR_REQUESTS && served.every((h) => WEBS.includes(h)), `lost or foreign pages: ${JSON.stringify(counts)}`);
    const off = shares.filter((s) => Math.abs(s.got - s.want) > WRR_TOLERANCE_PP);
    check(off.length === 0, `shares off by more than ${WRR_TOLERANCE_PP} points: ${figures}`);
    return {
      figures,
      detail: `${WRR_REQUESTS} requests, one connection each; every share within ${WRR_TOLERANCE_PP} points of its weight`,
    };
  });

  await run(
    "vm.ipvs-options.persistence",
    `7 ipvs-options: persistence ${O.persistent.persistence} s on :${O.persistent.port}`,
    async () => {
      const first = lab.clientAddresses["192.168.56.0/24"].split("/")[0];
      const second = addSecondClient(lab);
      const a = countHosts((await pages(lab, O.persistent.port, PERSISTENT_REQUESTS)).map(servedBy));
      const b = countHosts((await pages(lab, O.persistent.port, PERSISTENT_REQUESTS, second)).map(servedBy));
      const aSpread = countHosts((await pages(lab, 80, 30)).map(servedBy));
      const sole = (c: Record<string, number>) =>
        Object.keys(c).length === 1 && WEBS.includes(Object.keys(c)[0]) ? Object.keys(c)[0] : undefined;
      // A persistence template is the entry whose client port is 0: one per client address.
      const entries = (await lab.execOk(lb, "ipvsadm -Lnc"))
        .split("\n")
        .filter((l) => l.includes(`${O.vip}:${O.persistent.port}`))
        .map((l) => l.trim().replace(/\s+/g, " "));
      const templates = entries.filter((l) => [first, second].some((c) => l.includes(` ${c}:0 `)));
      const detail = `client ${first}: ${JSON.stringify(a)}; client ${second}: ${JSON.stringify(b)}; client ${first} on :80 (no persistence): ${JSON.stringify(aSpread)}; templates: ${templates.join(" | ") || `none among ${entries.length} entries, e.g. ${entries.slice(0, 3).join(" | ")}`}`;
      check(sole(a) !== undefined, `client ${first} did not keep one real server: ${detail}`);
      check(sole(b) !== undefined, `client ${second} did not keep one real server: ${detail}`);
      // rr hands the second client's first connection (its template) to the next server.
      check(sole(a) !== sole(b), `both clients were mapped to ${sole(a)}: not scheduled independently: ${detail}`);
      check(Object.keys(aSpread).filter((h) => WEBS.includes(h)).length === WEBS.length, `the same client is not spread on :80: ${detail}`);
      check(templates.length === 2, `expected one persistence template per client, got ${templates.length}: ${detail}`);
      return {
        figures: `${first} -> ${sole(a)} ${PERSISTENT_REQUESTS}/${PERSISTENT_REQUESTS}, ${second} -> ${sole(b)} ${PERSISTENT_REQUESTS}/${PERSISTENT_REQUESTS}`,
        detail,
      };
    },
  );

  await run("vm.ipvs-options.udp", `8 ipvs-options: udp :${O.udp.port} on the same VIP`, async () => {
    const script = Buffer.from(readFileSync(UDP_SCRIPT)).toString("base64");
    const pids: Record<string, number> = {};
    try {
      for (const web of WEBS) {
        const out = await lab.execOk(
          web,
          `echo ${script} | base64 -d > ${GUEST_UDP_SCRIPT} && ` +
            `{ setsid python3 ${GUEST_UDP_SCRIPT} serve ${O.udp.port} ${UDP_RESPONDER_S} </dev/null >/dev/null 2>&1 & echo $!; }`,
        );
        pids[web] = Number(out.trim());
        check(Number.isInteger(pids[web]) && pids[web] > 1, `${web}: no PID for the udp responder: ${out}`);
      }
      // bounded wait for every responder to bind
      for (const web of WEBS) {
        const t0 = now();
        while ((await lab.exec(web, `ss -Hlun 'sport = :${O.udp.port}' | grep -q .`)).code !== 0) {
          check(now() - t0 < 30, `${web}: the udp responder does not listen on ${O.udp.port}`);
          await sleep(500);
        }
      }
      const r = await lab.client(["python3", UDP_SCRIPT, "probe", O.vip, String(O.udp.port), String(UDP_PROBES)], UDP_PROBES * 5_000);
      const counts = countHosts(r.stdout.split("\n").filter(Boolean));
      const conns = (await lab.execOk(lb, "ipvsadm -Lnc"))
        .split("\n")
        .filter((l) => /^UDP /.test(l) && l.includes(`${O.vip}:${O.udp.port}`)).length;
      const figures = WEBS.map((w) => `${w} ${counts[w] ?? 0}`).join(", ") + `, lost ${counts.lost ?? 0}`;
      check(r.code === 0, `the probe failed (exit ${r.code}): ${r.stderr}`);
      check(
        WEBS.every((w) => (counts[w] ?? 0) > 0),
        `not every real server answered: ${figures}`,
      );
      check(
        Object.values(counts).reduce((x, y) => x + y, 0) === UDP_PROBES && (counts.lost ?? 0) === 0,
        `lost or foreign answers: ${figures}`,
      );
      return {
        figures,
        detail: `${UDP_PROBES} datagrams from fresh source ports, ${conns} UDP entries in ipvsadm -Lnc; responders stopped by PID`,
      };
    } finally {
      for (const [web, pid] of Object.entries(pids)) await lab.exec(web, `kill ${pid}; rm -f ${GUEST_UDP_SCRIPT}`);
    }
  });

  await run("vm.ipvs-options.guest-settings", "9 ipvs-options: interface names, nameservers, gateway, subtitle, admin name", async () => {
    const facts: string[] = [];
    const problems: string[] = [];
    for (const host of [lb, ...WEBS]) {
      const director = host === lb;
      const links = (await lab.execOk(host, "ip -o link show"))
        .split("\n")
        .map((l) => /^\d+: ([^:@]+)/.exec(l)?.[1])
        .filter((n): n is string => n !== undefined && n !== "lo");
      const wantLinks = director ? [O.interfaceNames.public, O.interfaceNames.private] : [O.interfaceNames.private];
      if (links.sort().join(",") !== [...wantLinks].sort().join(","))
        problems.push(`${host}: links ${links.join(",")}, want ${wantLinks.join(",")}`);
      const resolv = await lab.execOk(host, "cat /etc/resolv.conf 2>/dev/null || true");
      const servers = [...resolv.matchAll(/^nameserver\s+(\S+)/gm)].map((m) => m[1]);
      const wantServers: string[] = director ? [...O.publicNameservers, ...O.privateNameservers] : [...O.privateNameservers];
      const missing = wantServers.filter((s) => !servers.includes(s));
      if (missing.length > 0) problems.push(`${host}: /etc/resolv.conf lacks ${missing.join(", ")} (has ${servers.join(", ") || "none"})`);
      const route = (await lab.execOk(host, "ip -4 route show default")).trim();
      const wantRoute = director
        ? `default via ${O.publicGateway} dev ${O.interfaceNames.public}`
        : `default via ${O.director.privateAddress} dev ${O.interfaceNames.private}`;
      if (!route.startsWith(wantRoute)) problems.push(`${host}: default route '${route}', want '${wantRoute}'`);
      // Logged in as the declared admin (the lab's key works for it), with sudo; no `admin` user made beside it.
      const who = (await lab.execOk(host, "id -un; sudo -n true && echo sudo; getent passwd admin || true", { asRoot: false }))
        .trim()
        .split("\n");
      if (who[0] !== O.adminName || who[1] !== "sudo" || who.length > 2)
        problems.push(`${host}: logged in as ${who[0]}, want ${O.adminName} with sudo and no admin user (${who.slice(1).join(", ")})`);
      facts.push(`${host}: ${links.join("+")}, ns ${servers.join(" ")}, ${route.replace(/ (proto|onlink|metric).*$/, "")}, user ${who[0]}`);
    }
    const subtitle = `<p>${O.subtitle.replace(/&/g, "&#38;")}</p>`;
    const served = await pages(lab, 80, 12);
    const withSubtitle = new Set(served.filter((p) => p.includes(subtitle)).map(servedBy));
    const lacking = WEBS.filter((w) => !withSubtitle.has(w));
    if (lacking.length > 0) problems.push(`pages through the VIP without ${subtitle}: ${lacking.join(", ")}`);
    check(problems.length === 0, problems.join("; "));
    return { figures: `${1 + WEBS.length} guests checked`, detail: `${facts.join("; ")}; every web page carries ${subtitle}` };
  });
}
