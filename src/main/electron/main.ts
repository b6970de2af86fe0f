/**
 * Electron entry (bundled to dist/main/electron/main.cjs by scripts/build-electron.ts).
 * The only place that loads the real electron module.
 */
import * as electron from 'electron';
import { defaultPaths, startShell } from './app';

startShell(electron, defaultPaths(electron.app.getAppPath(), __dirname));
