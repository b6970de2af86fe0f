import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * One writer per data folder: the process that writes holds jeugdplanner.lock
 * (its pid, what kind of process it is and since when). A second process sees
 * the lock and opens the data read-only; a lock whose process is gone (a crash,
 * a power cut) is taken over.
 */
export const LOCK_FILE = 'jeugdplanner.lock';

/** Which Jeugdplanner holds the lock, in the words shown to the user. */
export type ProcessKind = 'desktop' | 'browser' | 'cli' | 'test';

export interface LockInfo {
  pid: number;
  kind: ProcessKind;
  /** ISO time the holder started */
  startedAt: string;
  hostname: string;
  /** tells two holders in one process apart (tests open a data folder more than once) */
  id: string;
}

export type LockResult =
  | { status: 'acquired'; lock: DataDirLock; tookOverFrom?: LockInfo }
  | { status: 'held'; holder: LockInfo; dataDir: string };

export class DataDirLock {
  private released = false;
  private readonly onExit = () => this.release();

  constructor(
    readonly file: string,
    readonly info: LockInfo,
  ) {
    // a normal exit (also process.exit) releases; a crash leaves a stale lock that the next start takes over
    process.once('exit', this.onExit);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    process.off('exit', this.onExit);
    try {
      // only our own lock: after a takeover it belongs to someone else
      if (readLock(this.file)?.id === this.info.id) fs.rmSync(this.file, { force: true });
    } catch {
      // gone already, or the folder became unwritable: the next start sees a stale lock
    }
  }
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE);
}

export function readLock(file: string): LockInfo | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof value.pid !== 'number' || typeof value.startedAt !== 'string') return undefined;
    return {
      pid: value.pid,
      kind: (['desktop', 'browser', 'cli', 'test'] as const).find((k) => k === value.kind) ?? 'browser',
      startedAt: value.startedAt,
      hostname: typeof value.hostname === 'string' ? value.hostname : '',
      id: typeof value.id === 'string' ? value.id : '',
    };
  } catch {
    return undefined;
  }
}

/** Whether the process in a lock still runs (on this machine; a lock from another host counts as alive). */
export function holderAlive(info: LockInfo): boolean {
  if (info.hostname && info.hostname !== os.hostname()) return true;
  if (info.pid === process.pid) return false;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of dataDir, or reports who holds it. A lock of this very process
 * (a second open in tests) or of a process that is gone is taken over. Errors of
 * the file system (a read-only folder) are thrown to the caller.
 */
export function acquireLock(dataDir: string, kind: ProcessKind, now: Date = new Date()): LockResult {
  const file = lockPath(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    kind,
    startedAt: now.toISOString(),
    hostname: os.hostname(),
    id: randomBytes(8).toString('hex'),
  };
  const text = `${JSON.stringify(info)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      try {
        fs.writeSync(fd, text);
        fs.fsyncSync(fd);
      } catch (err) {
        // a full disk: leave no empty lock behind
        fs.closeSync(fd);
        fs.rmSync(file, { force: true });
        throw err;
      }
      fs.closeSync(fd);
      return { status: 'acquired', lock: new DataDirLock(file, info) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readLock(file);
    if (holder && holderAlive(holder)) return { status: 'held', holder, dataDir };
    // stale (holder gone) or unreadable (torn write of a crashed holder): replace it atomically
    const staged = `${file}.${process.pid}.${info.id}`;
    fs.writeFileSync(staged, text, { mode: 0o600 });
    fs.renameSync(staged, file);
    if (readLock(file)?.id === info.id)
      return { status: 'acquired', lock: new DataDirLock(file, info), ...(holder ? { tookOverFrom: holder } : {}) };
  }
  const holder = readLock(file);
  if (holder) return { status: 'held', holder, dataDir };
  throw new Error(`De vergrendeling ${file} kon niet worden gezet.`);
}

const KIND_TEXT: Record<ProcessKind, string> = {
  desktop: 'de desktop-app',
  browser: 'Jeugdplanner in browsermodus',
  cli: 'de opdrachtregel (npm run simulate)',
  test: 'een test',
};

/** "Jeugdplanner in browsermodus (proces 4711, gestart 2 december 2026 om 09:41)" */
export function describeHolder(holder: LockInfo): string {
  const at = new Date(holder.startedAt);
  const when = Number.isNaN(at.getTime())
    ? holder.startedAt
    : `${at.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })} om ${at.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' })}`;
  const host = holder.hostname && holder.hostname !== os.hostname() ? ` op computer ${holder.hostname}` : '';
  return `${KIND_TEXT[holder.kind]} (proces ${holder.pid}${host}, gestart ${when})`;
}
