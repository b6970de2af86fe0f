// Loaded with `node -r` before dist/.../main.cjs: answers require('electron')
// with a tiny fake and reports what the shell did as JSON lines on stdout.
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const report = (what, detail) => process.stdout.write(JSON.stringify({ what, detail }) + '\n');

class Contents extends EventEmitter {
  constructor() {
    super();
    this.session = { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} };
    app.emit('web-contents-created', {}, this);
  }
  setWindowOpenHandler() {}
  send() {}
}
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.webContents = new Contents();
    report('window', options.webPreferences);
  }
  loadURL(url) {
    report('load', url);
    setTimeout(() => process.exit(0), 50);
    return Promise.resolve();
  }
  show() {}
}
const app = Object.assign(new EventEmitter(), {
  requestSingleInstanceLock: () => true,
  quit: () => report('quit'),
  whenReady: () => Promise.resolve(),
  getPath: () => process.env.FAKE_USER_DATA,
  getVersion: () => '0.1.0',
  getAppPath: () => process.env.FAKE_APP_PATH,
});
const fake = {
  app,
  BrowserWindow,
  ipcMain: { handle: (channel) => report('ipc', channel), removeHandler() {} },
  Menu: {
    buildFromTemplate: (t) => t,
    setApplicationMenu: (t) =>
      report(
        'menu',
        t.map((m) => m.label),
      ),
  },
  protocol: { registerSchemesAsPrivileged: (s) => report('scheme', s[0].scheme), handle: (s) => report('protocol', s) },
  dialog: { showErrorBox: (title, text) => report('error', `${title}: ${text}`) },
  contextBridge: { exposeInMainWorld: (name, api) => report('exposed', { name, keys: Object.keys(api) }) },
  ipcRenderer: { invoke() {}, on() {}, removeListener() {} },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'electron') return fake;
  return load.call(this, request, ...rest);
};
