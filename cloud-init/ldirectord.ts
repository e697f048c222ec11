import * as fs from "fs";
import * as path from "path";
import { isIpv4 } from "./ip";
import { IpvsVirtualService, validateIpvsServices } from "./ipvs";
import { ConfigIssue, IssueList, throwIfIssues } from "./issues";

/** Debian's ldirectord: the package, its init script and unit. */
export const LDIRECTORD_SERVICE = "ldirectord";
/** Where the unit (`ldirectord start`, one argument) and the Heartbeat resource look for the configuration. */
export const LDIRECTORD_CONF_PATH = "/etc/ha.d/ldirectord.cf";
/** The haresources entry: ResourceManager runs `resource.d/ldirectord ldirectord.cf start|stop|status`. */
export const LDIRECTORD_RESOURCE = "ldirectord::ldirectord.cf";
/** The pid file the daemon removes when it has purged its rules; a start while it exists does nothing. */
export const LDIRECTORD_PID_FILE = "/run/ldirectord.ldirectord.pid";

/** Stops ldirectord and waits for its pid file, then starts it again (`restart`) or not (`stop`): cloud-init/helpers/ldirectord-settle.sh. */
export const LDIRECTORD_SETTLE_SCRIPT = fs.readFileSync(path.join(__dirname, "helpers", "ldirectord-settle.sh"), "utf8");
/** Where it is installed. */
export const LDIRECTORD_SETTLE_PATH = "/usr/local/lib/hal/ldirectord-settle";

/** An HTTP GET each real server must answer with a 2xx and a body matching `expect`. */
export interface HttpHealthCheck {
  /** The request path; every web node serves /healthz ("ok <host>"). @default "/healthz" */
  readonly path?: string;
  /** A Perl regular expression the body must match (ldirectord's `receive`). @default "^ok " */
  readonly expect?: string;
  /** Seconds between check rounds (`checkinterval`). @default 5 */
  readonly intervalSeconds?: number;
  /** Connect timeout of non-HTTP checks (`checktimeout`); written so nothing falls back to ldirectord's 5. @default 3 */
  readonly connectTimeoutSeconds?: number;
  /** The HTTP check's own timer (`negotiatetimeout`): the whole request. @default 3 */
  readonly responseTimeoutSeconds?: number;
  /** Failed checks in a row before a server is taken out (`failurecount`). @default 1 */
  readonly failuresBeforeDown?: number;
}

/** What happens to a real server whose check fails. */
export type OnCheckFailure = "remove" | "quiesce";

/** Every ldirectord default, declared once. The POD and the code disagree on some, so all are written. */
export const LDIRECTORD_DEFAULTS = {
  path: "/healthz",
  expect: "^ok ",
  intervalSeconds: 5,
  connectTimeoutSeconds: 3,
  responseTimeoutSeconds: 3,
  failuresBeforeDown: 1,
  /** Deleted from the table (`quiescent=no`): new and existing connections leave it at once. */
  onFailure: "remove" as OnCheckFailure,
} as const;

export interface LdirectordConfig {
  /** The virtual services, as ipvsadm.rules would have them; every one is checked over HTTP. */
  readonly services: readonly IpvsVirtualService[];
  /** @default LDIRECTORD_DEFAULTS */
  readonly check?: HttpHealthCheck;
  /** @default "remove" */
  readonly onFailure?: OnCheckFailure;
  /** The sorry server: gets every service's traffic while none of its real servers is up. @default none */
  readonly fallback?: { readonly address: string; readonly port?: number };
}

/** Time and count fields: whole numbers, at least 1. */
const COUNT_FIELDS = ["intervalSeconds", "connectTimeoutSeconds", "responseTimeoutSeconds", "failuresBeforeDown"] as const;

/** Problems of the check settings alone, under `field` (such as `rules.check`), for the planner and the renderer. */
export function validateHealthCheck(check: HttpHealthCheck | undefined, field: string, list: IssueList): void {
  if (check === undefined) return;
  if (check === null || typeof check !== "object") {
    list.add(field, check, "must be an object such as { path: '/healthz', intervalSeconds: 5 }, or left out");
    return;
  }
  for (const name of COUNT_FIELDS) {
    const value = check[name];
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 3600)) {
      list.add(`${field}.${name}`, value, "must be a whole number, 1..3600 (ldirectord reads whole seconds and refuses 0)");
    }
  }
  const interval = check.intervalSeconds ?? LDIRECTORD_DEFAULTS.intervalSeconds;
  for (const name of ["connectTimeoutSeconds", "responseTimeoutSeconds"] as const) {
    const value = check[name] ?? LDIRECTORD_DEFAULTS[name];
    if (Number.isInteger(value) && Number.isInteger(interval) && interval >= 1 && value > interval) {
      list.add(
        `${field}.${name}`,
        value,
        `longer than intervalSeconds (${interval}): checks run one after another, so a hung server would delay the next round; at most ${interval}`,
      );
    }
  }
  if (check.path !== undefined && (typeof check.path !== "string" || !/^\/[^\s"\\]*$/.test(check.path))) {
    list.add(`${field}.path`, check.path, "must be a URL path starting with '/', without spaces, quotes or backslashes, such as /healthz");
  }
  if (check.expect !== undefined) {
    const expect = check.expect;
    if (typeof expect !== "string" || expect === "") {
      list.add(`${field}.expect`, expect, "must be a non-empty regular expression the body matches, such as '^ok '");
    } else if (/["\r\n]/.test(expect)) {
      list.add(`${field}.expect`, expect, 'no double quotes or line breaks: ldirectord.cf writes it as receive="..." on one line');
    } else {
      try {
        new RegExp(expect);
      } catch (e) {
        list.add(`${field}.expect`, expect, `is not a regular expression: ${(e as Error).message}`);
      }
    }
  }
}

/** All problems of an ldirectord configuration, under `path`. */
export function validateLdirectordConfig(config: LdirectordConfig, where = LDIRECTORD_CONF_PATH): ConfigIssue[] {
  const list = new IssueList(where);
  list.addAll(validateIpvsServices(config.services, where));
  validateHealthCheck(config.check, "check", list);
  config.services.forEach((service, i) => {
    if ((service.protocol ?? "tcp") !== "tcp") {
      list.add(`services[${i}].protocol`, service.protocol, "ldirectord checks every service over HTTP, which needs tcp");
    }
  });
  const onFailure = config.onFailure ?? LDIRECTORD_DEFAULTS.onFailure;
  if (onFailure !== "remove" && onFailure !== "quiesce") {
    list.add("onFailure", onFailure, "must be remove (the server is deleted from the table) or quiesce (kept at weight 0)");
  }
  const fallback = config.fallback;
  if (fallback !== undefined) {
    if (!isIpv4(fallback.address)) list.add("fallback.address", fallback.address, "must be an IPv4 address");
    if (fallback.port !== undefined && (!Number.isInteger(fallback.port) || fallback.port < 1 || fallback.port > 65535)) {
      list.add("fallback.port", fallback.port, "must be a port number, 1..65535");
    }
    config.services.forEach((service, i) => {
      const port = fallback.port ?? service.port;
      if (service.realServers.some((r) => r.address === fallback.address && (r.port ?? service.port) === port)) {
        list.add(
          "fallback.address",
          `${fallback.address}:${port}`,
          `is also a real server of services[${i}]: the fallback only gets traffic when every real server is down, so it must be another server`,
        );
      }
    });
  }
  return [...list.issues];
}

const FORWARDING_WORD = { masquerade: "masq", gatewaying: "gate", ipip: "ipip" } as const;

/**
 * Renders /etc/ha.d/ldirectord.cf: global settings, then one `virtual=` section per service with an HTTP
 * check, its real servers and the fallback. Every value is written, since ldirectord's POD and code
 * disagree on defaults (quiescent), and its own negotiatetimeout (30) exceeds its checkinterval (10).
 */
export function renderLdirectordCf(config: LdirectordConfig): string {
  throwIfIssues(validateLdirectordConfig(config));
  const check = { ...LDIRECTORD_DEFAULTS, ...config.check };
  const quiescent = (config.onFailure ?? LDIRECTORD_DEFAULTS.onFailure) === "quiesce" ? "yes" : "no";
  const lines = [
    "# /etc/ha.d/ldirectord.cf: generated. ldirectord checks the real servers and installs the IPVS rules.",
    `checkinterval=${check.intervalSeconds}`,
    `checktimeout=${check.connectTimeoutSeconds}`,
    `negotiatetimeout=${check.responseTimeoutSeconds}`,
    `failurecount=${check.failuresBeforeDown}`,
    "autoreload=no",
    "fork=no",
    `quiescent=${quiescent}`,
    "readdquiescent=no",
    // On stop, remove the virtual services it installed, so a released director keeps no rules.
    "cleanstop=yes",
    // Syslog's daemon facility: the journal keeps it.
    'logfile="daemon"',
  ];
  for (const service of config.services) {
    const forwarding = (r: { forwarding?: keyof typeof FORWARDING_WORD }) => FORWARDING_WORD[r.forwarding ?? "masquerade"];
    lines.push(
      "",
      `virtual=${service.address}:${service.port}`,
      `\tprotocol=${service.protocol ?? "tcp"}`,
      `\tscheduler=${service.scheduler ?? "rr"}`,
      ...(service.persistence !== undefined ? [`\tpersistent=${service.persistence}`] : []),
      "\tservice=http",
      "\tchecktype=negotiate",
      "\thttpmethod=GET",
      // ldirectord builds http://<real>:<port>/<request>; it strips a leading '/'.
      `\trequest="${check.path.replace(/^\//, "")}"`,
      `\treceive="${check.expect}"`,
      ...service.realServers.map((r) => `\treal=${r.address}:${r.port ?? service.port} ${forwarding(r)} ${r.weight ?? 1}`),
    );
    if (config.fallback) {
      const mode = forwarding(service.realServers[0] ?? {});
      lines.push(`\tfallback=${config.fallback.address}:${config.fallback.port ?? service.port} ${mode}`);
    }
  }
  return lines.join("\n") + "\n";
}
