import path from 'node:path';
import type * as Electron from 'electron';
import { openService, type Service } from '../service';
import { resolveDataDir } from '../storage/paths';
import { consoleLogger, type Logger } from '../log';
import type { MenuEvent } from '../../shared/api';
import { APP_SCHEME, APP_URL, MENU_CHANNEL } from './channels';
import { registerIpc } from './ipc';
import { menuTemplate, type UndoLabels } from './menu';
import { appProtocolHandler } from './protocol';
import { createMainWindow, hardenWebContents } from './window';

/** The parts of the electron module the shell uses; tests pass a fake. */
export type ElectronDeps = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'Menu' | 'protocol' | 'dialog'>;

export interface ShellPaths {
  preload: string;
  /** the built renderer (dist/renderer) */
  renderer: string;
  /** bundled models for first start */
  seed: string;
  icon?: string;
}

export interface Shell {
  /** resolves once the window is open (or the app quit because another instance runs) */
  ready: Promise<{ service?: Service; window?: Electron.BrowserWindow }>;
}

export function defaultPaths(appPath: string, mainDir: string): ShellPaths {
  return {
    preload: path.join(mainDir, 'preload.cjs'),
    renderer: path.join(appPath, 'dist', 'renderer'),
    seed: path.join(appPath, 'models'),
    icon: path.join(appPath, 'assets', 'icon.png'),
  };
}

/**
 * The desktop shell: one instance, one hardened window, the renderer on
 * app://, the API over one IPC channel, a Dutch menu. All data work is the
 * service's; this file only wires Electron to it.
 */
export function startShell(electron: ElectronDeps, paths: ShellPaths, log: Logger = consoleLogger): Shell {
  const { app, BrowserWindow, ipcMain, Menu, protocol, dialog } = electron;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve({}) };
  }

  // Must happen before 'ready': a standard, secure scheme behaves like https for our files.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);

  let mainWindow: Electron.BrowserWindow | undefined;
  let service: Service | undefined;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => service?.close());

  const send = (event: MenuEvent) => mainWindow?.webContents.send(MENU_CHANNEL, event);
  const buildMenu = (undo?: UndoLabels) =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform, undo)));
  let undoShown: UndoLabels | undefined;

  const ready = app.whenReady().then(async () => {
    try {
      service = await openService({
        dataDir: resolveDataDir({ userDataDir: app.getPath('userData') }),
        seedDir: paths.seed,
        appVersion: app.getVersion(),
        transport: 'electron',
        log,
        // the renderer says what undo/redo would do (menu.setUndoLabels); the menu names it
        menu: {
          setUndoLabels(labels) {
            if (undoShown && undoShown.undo === labels.undo && undoShown.redo === labels.redo) return;
            undoShown = labels;
            buildMenu(labels);
          },
        },
      });
    } catch (err) {
      dialog.showErrorBox(
        'Jeugdplanner kan niet starten',
        `De opslag kon niet worden geopend: ${err instanceof Error ? err.message : String(err)}`,
      );
      app.quit();
      return {};
    }
    protocol.handle(APP_SCHEME, appProtocolHandler(paths.renderer));
    registerIpc(ipcMain, service);
    buildMenu(undoShown);
    mainWindow = createMainWindow(BrowserWindow, paths.preload, APP_URL, paths.icon);
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
    return { service, window: mainWindow };
  });
  return { ready };
}
