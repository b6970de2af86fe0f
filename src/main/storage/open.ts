import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION, migrate, schemaVersionOf } from './migrations';
import { backupDir, databasePath } from './paths';
import { createBackup, pruneBackups, timestampForFile } from './backup';
import type { Logger } from '../log';
import { consoleLogger } from '../log';
import { acquireLock, describeHolder, type DataDirLock, type ProcessKind } from './lock';

/**
 * An open, migrated database plus where it lives. The handle can be swapped (backup restore).
 * `lock` is this process's claim to be the one writer of the folder; without it (another
 * process writes, or the disk or folder allows no writing) the storage is read-only and
 * `readOnly` says why, in Dutch.
 */
export class Storage {
  constructor(
    public db: Database.Database,
    readonly dataDir: string,
    readonly lock?: DataDirLock,
    readonly readOnly?: string,
    private readonly onClose?: () => void,
  ) {}

  get databasePath(): string {
    return databasePath(this.dataDir);
  }

  get backupDir(): string {
    return backupDir(this.dataDir);
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.lock?.release();
    this.onClose?.();
  }
}

export type StorageState =
  | { status: 'ready'; storage: Storage; notices: string[] }
  /** the database exists but this app may not touch it (newer schema, or it could not be moved aside) */
  | { status: 'refused'; message: string; notices: string[]; dataDir: string };

export interface OpenStorageOptions {
  dataDir: string;
  now?: () => Date;
  log?: Logger;
  /** back up an existing database before touching it (default true) */
  backupOnStart?: boolean;
  keepBackups?: number;
  /** who this process is, for the lock (shown to a second process): default 'browser' */
  processKind?: ProcessKind;
}

export const KEEP_BACKUPS = 10;

type Inspection =
  | { kind: 'absent' }
  | { kind: 'ok'; version: number }
  | { kind: 'newer'; version: number }
  | { kind: 'broken'; reason: string }
  /** could not be opened for a reason outside the file: no permission, read-only folder, full disk */
  | { kind: 'unreachable'; error: unknown };

/** A fault of the disk or of permissions (not of Jeugdplanner or of the file's content), by its error code. */
export function classifyFault(err: unknown): 'full' | 'denied' | undefined {
  const code = String((err as { code?: unknown } | undefined)?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (
    ['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_PERM'].includes(code) ||
    code.startsWith('SQLITE_READONLY')
  )
    return 'denied';
  return undefined;
}

/** Why this process may not write because of a disk or permission fault, in Dutch. */
export function faultReason(fault: 'full' | 'denied', dataDir: string, err: unknown): ReadOnlyReason {
  const code = String((err as { code?: unknown } | undefined)?.code ?? '');
  if (fault === 'full') {
    return {
      cause: `De schijf met de gegevensmap ${dataDir} is vol.`,
      advice: 'Maak ruimte vrij op de schijf en start Jeugdplanner opnieuw om te bewerken.',
    };
  }
  return {
    cause: `Jeugdplanner mag niet schrijven in de gegevensmap ${dataDir} (${code}: een alleen-lezen map, of bestanden van een andere gebruiker).`,
    advice:
      'Geef uw gebruiker schrijfrechten op deze map, of kies een andere map met JEUGDPLANNER_DATA_DIR, en start Jeugdplanner opnieuw om te bewerken.',
  };
}

/**
 * Looks at an existing database read-only, so a file we must refuse is never
 * modified (a read-write handle would checkpoint the WAL on close).
 */
export function inspectDatabase(file: string): Inspection {
  if (!fs.existsSync(file)) return { kind: 'absent' };
  if (fs.statSync(file).size === 0) return { kind: 'absent' };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = schemaVersionOf(db);
    if (version > SCHEMA_VERSION) return { kind: 'newer', version };
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { kind: 'broken', reason: `integriteitscontrole: ${String(check)}` };
    return { kind: 'ok', version };
  } catch (err) {
    if (classifyFault(err)) return { kind: 'unreachable', error: err };
    return { kind: 'broken', reason: errorText(err) };
  } finally {
    db?.close();
  }
}

const POSIX = process.platform !== 'win32';

/** A folder only this user may enter (0700 on POSIX), created when missing; an existing one is tightened. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (POSIX) tighten(dir);
}

/** Makes a database file (and its -wal/-shm) readable for this user only (0600 on POSIX). */
export function makePrivateFile(file: string): void {
  if (!POSIX) return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) tighten(f);
}

/** Takes group and other permissions away; never adds any (a folder the user made read-only stays read-only). */
function tighten(p: string): void {
  try {
    const mode = fs.statSync(p).mode & 0o777;
    if ((mode & 0o077) !== 0) fs.chmodSync(p, mode & 0o700);
  } catch {
    // not ours to change (another user's folder): the open that follows says what is wrong
  }
}

/**
 * Opens read-write with the settings every connection needs. A new database file is
 * created 0600 first: SQLite gives its -wal and -shm files the mode of the database.
 */
export function openConnection(file: string): Database.Database {
  if (POSIX && !fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  makePrivateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a save that returned survives a crash or power loss, at a small cost per write.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Opens (or creates) the database in dataDir: refuses a newer one untouched,
 * moves a corrupt one aside, backs up an existing one, then migrates.
 */
export async function openStorage(options: OpenStorageOptions): Promise<StorageState> {
  const { dataDir } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? consoleLogger;
  const file = databasePath(dataDir);
  let claim: ReturnType<typeof acquireLock>;
  try {
    ensurePrivateDir(dataDir);
    claim = acquireLock(dataDir, options.processKind ?? 'browser', now());
  } catch (err) {
    // a read-only folder or a full disk: read what is there, never exit
    const fault = classifyFault(err);
    if (!fault) throw err;
    return openReadOnly(file, dataDir, faultReason(fault, dataDir, err), log);
  }
  if (claim.status === 'held') {
    const cause = `De gegevensmap ${dataDir} is in gebruik door ${describeHolder(claim.holder)}.`;
    const elsewhere = claim.holder.hostname !== '' && claim.holder.hostname !== os.hostname();
    const advice = elsewhere
      ? `Sluit Jeugdplanner op die computer en start deze opnieuw om te bewerken. Draait het daar zeker niet meer (bijv. na een storing), verwijder dan ${path.join(dataDir, 'jeugdplanner.lock')}.`
      : 'Sluit het andere Jeugdplanner en start deze opnieuw om te bewerken.';
    return openReadOnly(file, dataDir, { cause, advice }, log);
  }
  const lock = claim.lock;
  if (claim.tookOverFrom)
    log.warn(`Vergrendeling van ${describeHolder(claim.tookOverFrom)} overgenomen: dat proces draait niet meer.`);
  try {
    const state = await openWritable(file, dataDir, lock, options, now, log);
    // a refused database is not written either: another process may try
    if (state.status === 'refused') lock.release();
    return state;
  } catch (err) {
    lock.release();
    const fault = classifyFault(err);
    if (!fault) throw err;
    log.error(`Database openen om te schrijven mislukt: ${errorText(err)}`);
    return openReadOnly(file, dataDir, faultReason(fault, dataDir, err), log);
  }
}

/** Why this process may not write (`cause`), and what the user can do about it (`advice`), in Dutch. */
export interface ReadOnlyReason {
  cause: string;
  advice: string;
}

/**
 * Opens the database without writing anything: for a second process while another
 * one writes. The database must exist and be at this app's schema version (a
 * migration would be a write).
 */
export function openReadOnly(
  file: string,
  dataDir: string,
  why: ReadOnlyReason,
  log: Logger,
  notices: string[] = [],
): StorageState {
  const reason = `${why.cause} Jeugdplanner is daarom alleen-lezen geopend: u kunt alles bekijken, maar niets opslaan. ${why.advice}`;
  const refuse = (problem: string): StorageState => {
    const message = `${why.cause} ${problem}`;
    log.warn(message);
    return { status: 'refused', message, notices: [...notices, message], dataDir };
  };
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      return refuse(
        `De database ${file} kan ook niet worden gelezen (${(err as NodeJS.ErrnoException).code ?? errorText(err)}). Er is niets gewijzigd. ${why.advice}`,
      );
    }
    size = 0;
  }
  if (size === 0) {
    return refuse(
      `Er is nog geen database in ${dataDir} en Jeugdplanner kan er nu geen maken. Er is niets gewijzigd. ${why.advice}`,
    );
  }
  let reader: { db: Database.Database; cleanup?: () => void };
  try {
    reader = openReader(file);
  } catch (err) {
    return refuse(
      `De database ${file} kan ook niet worden gelezen (${errorText(err)}). Er is niets gewijzigd. ${why.advice}`,
    );
  }
  const version = schemaVersionOf(reader.db);
  const problem =
    version > SCHEMA_VERSION
      ? `De database is bovendien gemaakt met een nieuwere versie van Jeugdplanner (schemaversie ${version}). Er is niets gewijzigd.`
      : version < SCHEMA_VERSION
        ? `De database moet eerst worden bijgewerkt naar schemaversie ${SCHEMA_VERSION}, en dat kan alleen als Jeugdplanner mag schrijven. Er is niets gewijzigd. ${why.advice}`
        : undefined;
  if (problem) {
    reader.db.close();
    reader.cleanup?.();
    return refuse(problem);
  }
  log.warn(reason);
  // the reason is not a startup notice (those can be closed): app.info.readOnly keeps it on screen
  return { status: 'ready', storage: new Storage(reader.db, dataDir, undefined, reason, reader.cleanup), notices };
}

/**
 * A connection that only reads. Directly when possible; when SQLite cannot open the
 * file read-only in place (a WAL database in a read-only folder needs its -shm file),
 * a private snapshot copy in the temp folder is read instead.
 */
function openReader(file: string): { db: Database.Database; cleanup?: () => void } {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return { db };
    } catch (err) {
      db.close();
      throw err;
    }
  } catch (err) {
    if (classifyFault(err) !== 'denied') throw err;
  }
  fs.accessSync(file, fs.constants.R_OK);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdplanner-alleen-lezen-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const copy = path.join(dir, path.basename(file));
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    const db = new Database(copy, { fileMustExist: true });
    db.pragma('query_only = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return { db, cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}

async function openWritable(
  file: string,
  dataDir: string,
  lock: DataDirLock,
  options: OpenStorageOptions,
  now: () => Date,
  log: Logger,
): Promise<StorageState> {
  const notices: string[] = [];
  const inspection = inspectDatabase(file);
  // no permission or a full disk: the caller opens read-only
  if (inspection.kind === 'unreachable') throw inspection.error;
  // a database this user may read but not write (left by another user): read-only as well
  if (inspection.kind !== 'absent') fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  if (inspection.kind === 'newer') {
    const message =
      `De database ${file} is gemaakt met een nieuwere versie van Jeugdplanner (schemaversie ${inspection.version}; ` +
      `deze versie kent t/m ${SCHEMA_VERSION}). Installeer de nieuwste versie. Het bestand is niet gewijzigd.`;
    log.warn(message);
    return { status: 'refused', message, notices: [message], dataDir };
  }
  if (inspection.kind === 'broken') {
    const aside = moveAside(file, now());
    if (!aside) {
      const message = `De database ${file} is onleesbaar (${inspection.reason}) en kon niet apart worden gezet. Jeugdplanner heeft niets gewijzigd.`;
      log.error(message);
      return { status: 'refused', message, notices: [message], dataDir };
    }
    const message =
      `De database was beschadigd of onleesbaar (${inspection.reason}). Het bestand is apart gezet als ${path.basename(aside)} ` +
      `in ${dataDir} (niet verwijderd). Jeugdplanner is gestart met een nieuwe database; herstel zo nodig uit een back-up (Herstel uit back-up).`;
    log.warn(message);
    notices.push(message);
  }

  const db = openConnection(file);
  const storage = new Storage(db, dataDir, lock);
  try {
    if (inspection.kind === 'ok' && options.backupOnStart !== false) {
      // Before migrating: the backup is what the previous app version can still open.
      await createBackup(db, storage.backupDir, now(), 'start');
      pruneBackups(storage.backupDir, options.keepBackups ?? KEEP_BACKUPS);
    }
    const applied = migrate(db);
    if (applied.length > 0) log.info(`Database bijgewerkt naar schemaversie ${SCHEMA_VERSION} (${applied.join(', ')})`);
  } catch (err) {
    if (db.open) db.close();
    throw err;
  }
  return { status: 'ready', storage, notices };
}

/** Renames the database and its WAL/SHM files to *.corrupt-<time>; returns the new path, or undefined when that failed. */
function moveAside(file: string, at: Date): string | undefined {
  const base = file.replace(/\.sqlite$/, '');
  const target = `${base}.corrupt-${timestampForFile(at)}.sqlite`;
  try {
    fs.renameSync(file, target);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
    }
    return target;
  } catch {
    return undefined;
  }
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
