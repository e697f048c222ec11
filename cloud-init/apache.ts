/** Debian's Apache: the package and the init script that starts it. */
export const APACHE_SERVICE = "apache2";

export interface IndexPageConfig {
  /** The host that serves the page; shown so a client sees who answered. */
  readonly hostname: string;
  /** A line under the host name, such as the cluster it belongs to. @default none */
  readonly subtitle?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders /var/www/html/index.html. The `<h1>` holds only the host name, for scripts that check who served. */
export function renderIndexPage(config: IndexPageConfig): string {
  const host = escapeHtml(config.hostname);
  const subtitle = config.subtitle ? `\n<p>${escapeHtml(config.subtitle)}</p>` : "";
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${host}</title></head>`,
    `<body>\n<h1>${host}</h1>${subtitle}\n</body>`,
    "</html>",
    "",
  ].join("\n");
}

/** A health endpoint body; a load balancer or a test can poll /healthz for "ok <host>". */
export function renderHealthz(hostname: string): string {
  return `ok ${hostname}\n`;
}

/** Debian's apache2 listens on 80 (ports.conf); this enabled conf adds the other ports IPVS sends to. */
export const APACHE_LISTEN_CONF = "hal-listen";
export const APACHE_LISTEN_CONF_PATH = `/etc/apache2/conf-available/${APACHE_LISTEN_CONF}.conf`;
/** Port 80 is ports.conf's: a second `Listen 80` would stop apache2 from starting. */
export const APACHE_DEFAULT_PORT = 80;

/** Renders APACHE_LISTEN_CONF_PATH: one `Listen` per port, none of them 80. */
export function renderListenConf(ports: readonly number[]): string {
  return [
    "# The ports the load balancer sends requests to on this server, besides ports.conf's 80.",
    ...ports.map((p) => `Listen ${p}`),
    "",
  ].join("\n");
}
