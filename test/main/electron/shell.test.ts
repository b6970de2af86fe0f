import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { registerIpc, isTrustedSender } from '../../../src/main/electron/ipc';
import { hardenWebContents, mainWindowOptions } from '../../../src/main/electron/window';
import { menuTemplate } from '../../../src/main/electron/menu';
import { appProtocolHandler } from '../../../src/main/electron/protocol';
import { startShell } from '../../../src/main/electron/app';
import { APP_URL, CALL_CHANNEL, MENU_CHANNEL } from '../../../src/main/electron/channels';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/serving/security';
import { MENU_EVENTS, type ApiResult, type MenuEvent } from '../../../src/shared/api';
import { fakeElectron } from '../helpers/fake-electron';
import { tempDir } from '../../fixtures';

let service: Service;
beforeAll(async () => {
  service = await openService({ dataDir: tempDir(), appVersion: 'test', transport: 'electron', log: silentLogger });
});
afterAll(() => service.close());

const trusted = { senderFrame: { url: APP_URL, parent: null } };

function ipcWithFake() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<ApiResult<unknown>>>();
  registerIpc(
    {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<ApiResult<unknown>>) =>
        handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
    } as never,
    service,
  );
  const call = handlers.get(CALL_CHANNEL)!;
  return (event: unknown, ...args: unknown[]) => call(event, ...args);
}

describe('IPC', () => {
  it('answers a valid call from our window', async () => {
    const call = ipcWithFake();
    expect(await call(trusted, 'models.list', {})).toEqual({ ok: true, value: [] });
  });

  it('answers bad payloads and unknown methods with errors, never throws', async () => {
    const call = ipcWithFake();
    const cases: unknown[][] = [
      ['models.get', { id: -1 }],
      ['models.get', { id: 1, extra: 'x' }],
      ['models.get', null],
      ['models.save', { model: { format: 'iets' } }],
      ['scenarios.save', { modelId: 'een' }],
      ['files.importModel', { content: 12 }],
      ['bestaat.niet', {}],
      [{ toString: () => 'models.list' }, {}],
      [undefined],
      ['__proto__', {}],
      ['constructor', {}],
    ];
    for (const args of cases) {
      const r = await call(trusted, ...args);
      expect(r.ok, JSON.stringify(args)).toBe(false);
      if (!r.ok) expect(['validation', 'unknown_method']).toContain(r.error.code);
    }
  });

  it('refuses callers that are not our top-level page', async () => {
    const call = ipcWithFake();
    for (const event of [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///etc/passwd', parent: null } },
      { senderFrame: { url: 'app://jeugdplanner.evil/index.html', parent: null } },
      { senderFrame: { url: APP_URL, parent: {} } },
      { senderFrame: null },
      {},
    ]) {
      expect(isTrustedSender(event as never)).toBe(false);
      const r = await call(event, 'models.list', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('window security', () => {
  it('isolates and sandboxes the page, without Node', () => {
    const o = mainWindowOptions('/app/preload.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('blocks navigation away, new windows, webviews and permissions', () => {
    const fake = fakeElectron({ userData: tempDir() });
    const win = new (fake.electron.BrowserWindow as unknown as new (o: object) => { webContents: never })({});
    const contents = win.webContents as unknown as EventEmitter & {
      openHandler: () => { action: string };
      permission: (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
      permissionCheck: () => boolean;
    };
    hardenWebContents(contents as never);
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(APP_URL)).toBe(false);
    const redirect = (url: string) => {
      let prevented = false;
      contents.emit('will-redirect', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(redirect('https://evil.example/')).toBe(true);
    expect(redirect('app://jeugdplanner.evil/index.html')).toBe(true);
    expect(redirect(APP_URL)).toBe(false);
    expect(contents.openHandler()).toEqual({ action: 'deny' });
    let webview = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webview = true) });
    expect(webview).toBe(true);
    let granted: boolean | undefined;
    contents.permission(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(contents.permissionCheck()).toBe(false);
  });

  it('has a strict Content-Security-Policy: no remote origins, no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    // inline styles are allowed (charts set style attributes); inline scripts are not
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
  });
});

describe('menu', () => {
  it('is Dutch and sends its actions to the renderer', () => {
    const sent: MenuEvent[] = [];
    const t = menuTemplate((e) => sent.push(e), 'linux');
    expect(t.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    const items = t.flatMap((m) => (m.submenu as { label?: string; click?: () => void }[]).filter((i) => i.label));
    const labels = items.map((i) => i.label);
    for (const label of [
      'Nieuw scenario',
      'Importeren…',
      'Exporteren…',
      'Exporteren naar Excel…',
      'Sjabloon downloaden…',
      'Importeren uit Excel…',
      'Afdrukken/PDF…',
      'Herstel uit back-up…',
      'Presentatiemodus',
      'Over Jeugdplanner',
    ])
      expect(labels).toContain(label);
    for (const i of items) i.click?.();
    expect(sent).toEqual([
      'new-scenario',
      'import',
      'export',
      'excel-export',
      'excel-template',
      'excel-import',
      'print',
      'restore-backup',
      'undo',
      'redo',
      'presentation',
      'about',
    ]);
    for (const e of sent) expect(MENU_EVENTS).toContain(e);
  });
});

describe('menu: undo and redo name their step (issue 12 item 4)', () => {
  const edit = (t: ReturnType<typeof menuTemplate>) =>
    (
      t.find((m) => m.label === 'Bewerken')!.submenu as { label?: string; enabled?: boolean; click?: () => void }[]
    ).slice(0, 2);

  it('shows what undo and redo would do, and disables them when there is nothing', () => {
    const sent: MenuEvent[] = [];
    const [undo, redo] = edit(menuTemplate((e) => sent.push(e), 'linux', { undo: 'Pleegzorg, instroom 2024' }));
    expect(undo).toMatchObject({ label: 'Ongedaan maken: Pleegzorg, instroom 2024', enabled: true });
    expect(redo).toMatchObject({ label: 'Opnieuw', enabled: false });
    undo!.click!();
    expect(sent).toEqual(['undo']);
    const [u2, r2] = edit(menuTemplate(() => {}, 'linux', { redo: 'Ambulante begeleiding, prijs per eenheid' }));
    expect(u2).toMatchObject({ label: 'Ongedaan maken', enabled: false });
    expect(r2).toMatchObject({ label: 'Opnieuw: Ambulante begeleiding, prijs per eenheid', enabled: true });
    // before the page has said anything: plain and enabled (the page decides what undo does)
    const [u3, r3] = edit(menuTemplate(() => {}, 'linux'));
    expect(u3!.label).toBe('Ongedaan maken');
    expect(u3!.enabled).toBeUndefined();
    expect(r3!.label).toBe('Opnieuw');
  });

  it('menu.setUndoLabels from the page rebuilds the desktop menu; bad labels are refused', async () => {
    const fake = fakeElectron({ userData: tempDir() });
    const shell = startShell(
      fake.electron,
      { preload: '/app/preload.cjs', renderer: tempDir(), seed: tempDir() },
      silentLogger,
    );
    const { service: started } = await shell.ready;
    try {
      const ipc = fake.handlers.get(CALL_CHANNEL)!;
      const items = () => edit(fake.menu() as never).map((i) => [i.label, i.enabled]);
      expect(items()).toEqual([
        ['Ongedaan maken', undefined],
        ['Opnieuw', undefined],
      ]);
      expect(await ipc(trusted, 'menu.setUndoLabels', { undo: 'Pleegzorg, instroom 2024' })).toEqual({
        ok: true,
        value: { applied: true },
      });
      expect(items()).toEqual([
        ['Ongedaan maken: Pleegzorg, instroom 2024', true],
        ['Opnieuw', false],
      ]);
      // the rebuilt menu still sends its actions to the page
      fake.menu()[1]!.submenu[0]!.click!();
      expect(fake.sent).toEqual([[MENU_CHANNEL, 'undo']]);
      expect(await ipc(trusted, 'menu.setUndoLabels', {})).toEqual({ ok: true, value: { applied: true } });
      expect(items()).toEqual([
        ['Ongedaan maken', false],
        ['Opnieuw', false],
      ]);
      for (const bad of [
        { undo: 'twee\nregels' },
        { undo: 'x'.repeat(201) },
        { undo: 12 },
        { undo: 'a', wat: 'b' },
        { redo: 'b\u0000' },
      ]) {
        const r = await ipc(trusted, 'menu.setUndoLabels', bad);
        expect(r, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'validation' } });
      }
      expect(items()[0]).toEqual(['Ongedaan maken', false]);
      // only our own window may change it
      expect(
        await ipc({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'menu.setUndoLabels', { undo: 'x' }),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(items()[0]).toEqual(['Ongedaan maken', false]);
    } finally {
      started?.close();
    }
  });

  it('is a no-op without a menu (browser mode)', async () => {
    const browser = await openService({
      dataDir: tempDir(),
      appVersion: 'test',
      transport: 'browser',
      log: silentLogger,
    });
    try {
      expect(await browser.handle('menu.setUndoLabels', { undo: 'Pleegzorg, instroom 2024' })).toEqual({
        ok: true,
        value: { applied: false },
      });
    } finally {
      browser.close();
    }
  });
});

describe('app:// protocol', () => {
  it('serves the renderer with the CSP and nothing outside it', async () => {
    const parent = tempDir();
    const dir = path.join(parent, 'renderer');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'index.html'), '<html><head></head></html>');
    fs.writeFileSync(path.join(parent, 'geheim.txt'), 'geheim');
    const handle = appProtocolHandler(dir);
    const page = handle(new Request('app://jeugdplanner/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<html>');
    expect(handle(new Request('app://jeugdplanner/../geheim.txt')).status).toBe(404);
    expect(handle(new Request('app://jeugdplanner/%2e%2e/geheim.txt')).status).toBe(404);
    expect(handle(new Request('app://anders/index.html')).status).toBe(404);
  });
});

describe('shell start-up with a fake electron', () => {
  it('quits when another instance holds the lock', async () => {
    const fake = fakeElectron({ gotLock: false, userData: tempDir() });
    const shell = startShell(fake.electron, { preload: '/p.cjs', renderer: '/r', seed: '/s' }, silentLogger);
    expect(await shell.ready).toEqual({});
    expect(fake.calls).toContain('quit');
    expect(fake.windows).toHaveLength(0);
  });

  it('opens storage, registers the protocol and IPC, builds the menu and opens one hardened window', async () => {
    const userData = tempDir();
    const fake = fakeElectron({ userData });
    const shell = startShell(
      fake.electron,
      { preload: '/app/preload.cjs', renderer: tempDir(), seed: tempDir() },
      silentLogger,
    );
    const { service: started } = await shell.ready;
    try {
      expect(fake.privileged).toEqual([
        { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
      ]);
      expect(fake.protocol()).toBeTypeOf('function');
      expect(fs.existsSync(path.join(userData, 'jeugdplanner.sqlite'))).toBe(true);
      expect(fake.windows).toHaveLength(1);
      const win = fake.windows[0]!;
      expect(win.options).toMatchObject({
        webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/preload.cjs' },
      });
      expect(win.loaded).toBe(APP_URL);
      // hardened by the app-wide 'web-contents-created' hook, like every web contents
      const contents = win.webContents;
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented).toBe(true);
      expect(contents.openHandler?.()).toEqual({ action: 'deny' });
      expect(contents.permissionCheck?.()).toBe(false);
      // exactly once: one listener per event, not one per place that hardens
      expect(contents.listenerCount('will-navigate')).toBe(1);
      expect(contents.listenerCount('will-redirect')).toBe(1);
      const ipc = fake.handlers.get(CALL_CHANNEL)!;
      const info = (await ipc(trusted, 'app.info', {})) as ApiResult<{ transport: string; appVersion: string }>;
      expect(info.ok && info.value).toMatchObject({ transport: 'electron', appVersion: '0.1.0-test' });
      const newScenario = fake.menu()[0]!.submenu.find((i) => i.label === 'Nieuw scenario')!;
      newScenario.click!();
      expect(fake.sent).toEqual([[MENU_CHANNEL, 'new-scenario']]);
      fake.electron.app.emit('second-instance' as never);
      expect(fake.calls).toContain('focus');
    } finally {
      started?.close();
    }
  });
});
