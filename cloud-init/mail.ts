/**
 * Mail for Heartbeat's MailTo resource: the resource runs `mail` (bsd-mailx), which hands the message to
 * `/usr/sbin/sendmail`; msmtp-mta provides that as a send-only client of one relay, with no queue and
 * no daemon. Without a relay there is nowhere to send to, so mailTo needs mailRelay.
 */
import * as fs from "fs";
import * as path from "path";
import type { WriteFile } from "./cloud-config";
import { isIpv4 } from "./ip";
import type { FieldName } from "./heartbeat";
import type { IssueList } from "./issues";

/** The mail command MailTo runs and the sendmail it mails through. */
export const MAIL_PACKAGES = ["msmtp-mta", "bsd-mailx"] as const;

/** msmtp's system-wide configuration, read by its sendmail. */
export const MSMTPRC_PATH = "/etc/msmtprc";

/** bsd-mailx's configuration: its `sendmail` is the helper below. */
export const MAIL_RC_PATH = "/etc/mail.rc";
/** The helper that sends and never fails (cloud-init/helpers/ha-sendmail.sh). */
export const HA_SENDMAIL_PATH = "/etc/ha.d/ha-sendmail";
/** ha-sendmail as shipped, read once at module load. */
export const HA_SENDMAIL_SCRIPT = fs.readFileSync(path.join(__dirname, "helpers", "ha-sendmail.sh"), "utf8");
/** Seconds msmtp waits for the relay: an unreachable relay delays a takeover by about this much. */
export const MAIL_RELAY_TIMEOUT_SECONDS = 5;

/** The SMTP port a relay listens on when mailRelay names none. */
export const DEFAULT_SMTP_PORT = 25;

/** A DNS host name: dot-separated RFC 1123 labels, not all digits. */
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** `host` or `host:port`, split; undefined when it is neither. */
export function parseMailRelay(relay: unknown): { host: string; port: number } | undefined {
  if (typeof relay !== "string") return undefined;
  const m = /^([^:\s]+)(?::(\d{1,5}))?$/.exec(relay);
  if (!m) return undefined;
  const [, host, portText] = m;
  const port = portText === undefined ? DEFAULT_SMTP_PORT : Number(portText);
  const name = HOST_NAME.test(host) && !/^[\d.]+$/.test(host);
  if (!(name || isIpv4(host)) || port < 1 || port > 65535) return undefined;
  return { host, port };
}

/** mailTo needs a relay, and the relay must be a host name or IPv4 address with an optional port. */
export function addMailIssues(list: IssueList, config: { mailTo?: string; mailRelay?: string }, name: FieldName): void {
  if (config.mailRelay !== undefined && parseMailRelay(config.mailRelay) === undefined) {
    list.add(
      name("mailRelay"),
      config.mailRelay,
      `must be an SMTP relay's host name or IPv4 address, with an optional port: "smtp.example.org" or "smtp.example.org:587" (port ${DEFAULT_SMTP_PORT} by default)`,
    );
  }
  if (config.mailTo !== undefined && config.mailRelay === undefined) {
    list.add(
      name("mailTo"),
      config.mailTo,
      'MailTo mails through a relay, and the nodes run no mail server of their own: set mailRelay ("smtp.example.org" or "host:port"), or leave mailTo out',
    );
  }
  if (config.mailRelay !== undefined && config.mailTo === undefined) {
    list.add(name("mailRelay"), config.mailRelay, "a relay is only used for mailTo: set mailTo as well, or leave mailRelay out");
  }
}

/**
 * The files that make MailTo mail through `relay`: /etc/msmtprc, and bsd-mailx's /etc/mail.rc
 * pointing its sendmail at ha-sendmail (written after the packages: mail.rc is bsd-mailx's conffile).
 */
export function mailRelayFiles(relay: string): WriteFile[] {
  return [
    { path: MSMTPRC_PATH, content: renderMsmtprc(relay), permissions: "0644" },
    { path: HA_SENDMAIL_PATH, content: HA_SENDMAIL_SCRIPT, permissions: "0755" },
    {
      path: MAIL_RC_PATH,
      content: `# /etc/mail.rc: generated. MailTo's mail goes through ${HA_SENDMAIL_PATH}, which never fails the group.\nset sendmail=${HA_SENDMAIL_PATH}\n`,
      permissions: "0644",
      defer: true,
    },
  ];
}

/**
 * Renders /etc/msmtprc: every mail goes to the relay, from heartbeat@<node>, plain SMTP, no
 * authentication, giving up after MAIL_RELAY_TIMEOUT_SECONDS.
 */
export function renderMsmtprc(relay: string): string {
  const parsed = parseMailRelay(relay);
  if (parsed === undefined) throw new Error(`not a mail relay: ${relay}`);
  return [
    "# /etc/msmtprc: generated. msmtp-mta's sendmail hands every mail (Heartbeat's MailTo) to the relay.",
    "defaults",
    "syslog LOG_MAIL",
    "account default",
    `host ${parsed.host}`,
    `port ${parsed.port}`,
    `timeout ${MAIL_RELAY_TIMEOUT_SECONDS}`,
    "from heartbeat@%H",
    "",
  ].join("\n");
}
