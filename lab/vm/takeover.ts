/** A survivor's takeover, read from its journal (`journalctl -o short-unix`): Heartbeat's or keepalived's lines. */

export interface TakeoverEvent {
  /** "lb1 dead", "IPaddr2 192.168.56.10", "ipvsadm", "takeover complete". */
  readonly what: string;
  /** Seconds after the crash. */
  readonly at: number;
}

/** The last event of a takeover, whichever engine logged it. */
export const TAKEOVER_COMPLETE = "takeover complete";

/** How one engine logs a takeover. */
export interface TakeoverLog {
  readonly parse: (journal: string, crashEpoch: number) => TakeoverEvent[];
}

/**
 * The peer declared dead, each resource started (ResourceManager's "Running … start") and the
 * takeover complete, in journal order, as seconds after `crashEpoch` (same clock as the journal).
 */
export function parseTakeoverJournal(journal: string, crashEpoch: number): TakeoverEvent[] {
  const events: TakeoverEvent[] = [];
  for (const line of journal.split("\n")) {
    const at = Number(line.split(" ")[0]) - crashEpoch;
    if (!Number.isFinite(at)) continue;
    const dead = /node (\S+): is dead/.exec(line);
    // resource.d agents log their argument (IPaddr2 192.168.56.10/24/public), init scripts none (ipvsadm)
    const start = /Running \S*\/(\S+)\s+(?:(\S+)\s+)?start\s*$/.exec(line);
    let what: string | undefined;
    if (dead) what = `${dead[1]} dead`;
    else if (start) what = start[2] ? `${start[1]} ${start[2].split("/")[0]}` : start[1];
    else if (/mach_down takeover complete/.test(line)) what = TAKEOVER_COMPLETE;
    // some lines reach the journal twice: keep the first
    if (what && !events.some((e) => e.what === what)) events.push({ what, at });
  }
  return events;
}

/**
 * keepalived's takeover on the backup: the master's adverts timed out ("peer dead"), then the
 * instance entered MASTER (TAKEOVER_COMPLETE): it adds the VIPs on that transition (2.2.7 logs no
 * line of its own for them at the default level), and keepalived loads the virtual servers on both
 * directors at start, so nothing else is taken over.
 */
export function parseKeepalivedTakeover(journal: string, crashEpoch: number): TakeoverEvent[] {
  const events: TakeoverEvent[] = [];
  for (const line of journal.split("\n")) {
    const at = Number(line.split(" ")[0]) - crashEpoch;
    if (!Number.isFinite(at) || !/Keepalived_vrrp/.test(line)) continue;
    let what: string | undefined;
    if (/\(\S+\) Receive advertisement timeout/.test(line)) what = "peer dead (adverts timed out)";
    else if (/\(\S+\) Entering MASTER STATE/.test(line)) what = TAKEOVER_COMPLETE;
    if (what && !events.some((e) => e.what === what)) events.push({ what, at });
  }
  return events;
}

export const HEARTBEAT_TAKEOVER: TakeoverLog = { parse: parseTakeoverJournal };
export const KEEPALIVED_TAKEOVER: TakeoverLog = { parse: parseKeepalivedTakeover };
