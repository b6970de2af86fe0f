import os from 'node:os';
import path from 'node:path';

/** The one database file in the data folder. */
export const DATABASE_FILE = 'jeugdplanner.sqlite';
/** Backups live next to the database, in their own folder. */
export const BACKUP_DIR = 'backups';

export interface DataDirOptions {
  /** usually process.env */
  env?: Record<string, string | undefined>;
  /** Electron's app.getPath('userData'), when running in the shell */
  userDataDir?: string;
  platform?: NodeJS.Platform;
  homeDir?: string;
}

/**
 * Where the data lives: JEUGDPLANNER_DATA_DIR (tests, portable use) wins, then
 * the folder Electron gives us, then the usual per-user folder of the OS, so
 * browser mode and the desktop app find the same database.
 */
export function resolveDataDir(options: DataDirOptions = {}): string {
  const env = options.env ?? process.env;
  const override = env.JEUGDPLANNER_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  if (options.userDataDir) return options.userDataDir;
  const platform = options.platform ?? process.platform;
  const home = options.homeDir ?? os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Jeugdplanner');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Jeugdplanner');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Jeugdplanner');
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}
