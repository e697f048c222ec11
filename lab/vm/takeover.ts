/** Heartbeat's takeover, read from the survivor's journal (`journalctl -o short-unix`). */

export interface TakeoverEvent {
  /** "lb1 dead", "IPaddr2 192.168.56.10", "ipvsadm", "takeover complete". */
  readonly what: string;
  /** Seconds after the crash. */
  readonly at: number;
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
    else if (/mach_down takeover complete/.test(line)) what = "takeover complete";
    // some lines reach the journal twice: keep the first
    if (what && !events.some((e) => e.what === what)) events.push({ what, at });
  }
  return events;
}
