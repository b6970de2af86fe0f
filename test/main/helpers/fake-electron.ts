import { EventEmitter } from 'node:events';
import type { ElectronDeps } from '../../../src/main/electron/app';

/** A recording stand-in for the electron module: enough for the shell to start, nothing real. */
export function fakeElectron(options: { gotLock?: boolean; userData: string; appPath?: string }) {
  const calls: string[] = [];
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const sent: unknown[][] = [];
  const windows: FakeWindow[] = [];
  let menuTemplate: unknown;
  const privileged: unknown[] = [];
  let protocolHandler: ((req: Request) => Response) | undefined;

  class FakeContents extends EventEmitter {
    openHandler: (() => { action: string }) | undefined;
    permission: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    permissionCheck: (() => boolean) | undefined;
    session = {
      setPermissionRequestHandler: (fn: FakeContents['permission']) => (this.permission = fn),
      setPermissionCheckHandler: (fn: () => boolean) => (this.permissionCheck = fn),
    };
    constructor() {
      super();
      // As in Electron: every new web contents (a window's too) is announced on app.
      app.emit('web-contents-created', {}, this);
    }
    setWindowOpenHandler(fn: () => { action: string }) {
      this.openHandler = fn;
    }
    send(...args: unknown[]) {
      sent.push(args);
    }
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeContents();
    loaded: string | undefined;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      calls.push('focus');
    }
  }
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => options.gotLock ?? true,
    quit: () => calls.push('quit'),
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? options.userData : '/tmp'),
    getVersion: () => '0.1.0-test',
    getAppPath: () => options.appPath ?? '/nonexistent',
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (t: unknown) => (menuTemplate = t),
      setApplicationMenu: () => calls.push('setApplicationMenu'),
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => privileged.push(...s),
      handle: (_scheme: string, fn: (req: Request) => Response) => (protocolHandler = fn),
    },
    dialog: { showErrorBox: (title: string, text: string) => calls.push(`error:${title}:${text}`) },
  };
  return {
    electron: electron as unknown as ElectronDeps,
    calls,
    handlers,
    sent,
    windows,
    privileged,
    menu: () => menuTemplate as { label: string; submenu: { label?: string; click?: () => void }[] }[],
    protocol: () => protocolHandler,
  };
}
