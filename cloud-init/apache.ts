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
