import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { APP_ORIGIN } from './channels';

/** The one window's options: isolated, sandboxed, no Node in the page, no devtools-free-for-all. */
export function mainWindowOptions(preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Jeugdplanner',
    show: false,
    backgroundColor: '#ffffff',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** True for URLs of our own renderer; everything else is refused as navigation. */
export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Navigation away from the app and new windows are blocked; so are webviews
 * and permission requests (camera, notifications, …: the app needs none).
 * Applied once per web contents, from app's 'web-contents-created' (see
 * app.ts), which Electron fires for the main window's contents too.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function createMainWindow(
  Ctor: BrowserWindowCtor,
  preloadPath: string,
  url: string,
  iconPath?: string,
): BrowserWindow {
  // Its web contents are hardened by the 'web-contents-created' hook (app.ts), before any page loads.
  const win = new Ctor(mainWindowOptions(preloadPath, iconPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
