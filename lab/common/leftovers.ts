/**
 * The labs' one leftover reaper. A lab records what it creates (namespaces, processes, its work
 * directory) in a record file owned by its process; when that process was killed outright, the
 * next run finds the record and undoes it. Each lab says how to undo its own record.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pidStartTime } from "./proc";

export interface OwnedRecord {
  readonly ownerPid: number;
  /** Kernel start time of the owner (pidStartTime), to tell it from a process that reused its PID. */
  readonly ownerStart?: string;
}

/** The owner fields for a record made by this process. */
export function ownedByMe(): OwnedRecord {
  return { ownerPid: process.pid, ownerStart: pidStartTime(process.pid) };
}

/** Whether the process that wrote `record` still runs. */
export function ownerRunning(record: OwnedRecord): boolean {
  const start = pidStartTime(record.ownerPid);
  return start !== undefined && (record.ownerStart === undefined || start === record.ownerStart);
}

/** Writes a record atomically (a reaper never reads half a file). */
export function writeRecord(file: string, record: OwnedRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(record, null, 2));
  fs.renameSync(tmp, file);
}

/**
 * For each record file whose owner is gone (or is this process, with `own`), runs `release` and
 * removes the file; an unreadable file is removed. Returns the records whose owners still run.
 */
export async function reapLeftovers<T extends OwnedRecord>(
  files: readonly string[],
  release: (record: T) => void | Promise<void>,
  opts: { own?: boolean } = {},
): Promise<T[]> {
  const live: T[] = [];
  for (const file of files) {
    let record: T;
    try {
      record = JSON.parse(fs.readFileSync(file, "utf8")) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") fs.rmSync(file, { force: true });
      continue;
    }
    const mine = record.ownerPid === process.pid && ownerRunning(record);
    if (ownerRunning(record) && !(mine && opts.own)) {
      live.push(record);
      continue;
    }
    await release(record);
    fs.rmSync(file, { force: true });
  }
  return live;
}
