import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../src/main/web/server';
import { httpApi } from '../../../src/renderer/api/http';
import { silentLogger } from '../../../src/main/log';
import { storedModel, tempDir } from '../../fixtures';

let server: WebServer;
let rendererDir: string;

beforeAll(async () => {
  const parent = tempDir('jp-renderer-');
  rendererDir = path.join(parent, 'renderer');
  fs.mkdirSync(rendererDir);
  // a file right next to the renderer folder: a traversal would find it
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'geheim');
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>JP</title></head><body></body></html>',
  );
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ dataDir: tempDir(), rendererDir, seedDir: tempDir('jp-noseed-'), log: silentLogger });
});
afterAll(async () => {
  await server.close();
});

/** Raw request, so headers like Host can be set freely (fetch does not allow that). */
function request(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };

describe('browser mode server', () => {
  it('listens on 127.0.0.1 on a random port with a long random token, carried once by the printed URL', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('is bound to 127.0.0.1 only: other addresses of this machine get no connection', async () => {
    // 127.0.0.2 reaches a server bound to 0.0.0.0 on Linux; the LAN addresses reach it everywhere.
    const others = [
      '127.0.0.2',
      ...Object.values(os.networkInterfaces())
        .flat()
        .filter((a) => a && a.family === 'IPv4' && !a.internal)
        .map((a) => a!.address),
    ];
    const connects = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port: server.port, timeout: 2000 });
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
        socket.once('timeout', () => (socket.destroy(), resolve(false)));
      });
    expect(await connects('127.0.0.1')).toBe(true);
    for (const host of others) expect(await connects(host), host).toBe(false);
  });

  it('refuses an API request without the token', async () => {
    const r = await request({ method: 'POST', path: '/api/models.list', headers: json, body: '{}' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses an API request with a wrong token', async () => {
    const wrong = server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A');
    const r = await request({
      method: 'POST',
      path: '/api/models.list',
      headers: { ...json, 'X-Jeugdplanner-Token': wrong },
      body: '{}',
    });
    expect(r.status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    const r = await request({
      method: 'POST',
      path: '/api/models.list',
      headers: { ...json, 'X-Jeugdplanner-Token': server.token, Host: `evil.example:${server.port}` },
      body: '{}',
    });
    expect(r.status).toBe(403);
    const page = await request({ path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(server.token);
  });

  it('refuses a foreign Origin and sends no CORS headers', async () => {
    const r = await request({
      method: 'POST',
      path: '/api/models.list',
      headers: { ...json, 'X-Jeugdplanner-Token': server.token, Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(r.status).toBe(403);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers with the token, and answers bad JSON and GET with errors', async () => {
    const ok = await request({
      method: 'POST',
      path: '/api/models.list',
      headers: { ...json, 'X-Jeugdplanner-Token': server.token },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });
    const bad = await request({
      method: 'POST',
      path: '/api/models.list',
      headers: { ...json, 'X-Jeugdplanner-Token': server.token },
      body: '{kapot',
    });
    expect(bad.status).toBe(400);
    const get = await request({ path: '/api/models.list', headers: { 'X-Jeugdplanner-Token': server.token } });
    expect(get.status).toBe(405);
    const unknown = await request({
      method: 'POST',
      path: '/api/drop.all',
      headers: { ...json, 'X-Jeugdplanner-Token': server.token },
      body: '{}',
    });
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_method');
  });

  it('answers a body with a JSON error or nested too deep with a short Dutch 400 naming line and column', async () => {
    const post = (body: string) =>
      request({
        method: 'POST',
        path: '/api/models.list',
        headers: { ...json, 'X-Jeugdplanner-Token': server.token },
        body,
      });
    const nan = await post('{"a": NaN}');
    expect(nan.status).toBe(400);
    expect(JSON.parse(nan.body)).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'Het verzoek is geen geldige JSON: regel 1, kolom 7: NaN is geen geldig getal in JSON',
      },
    });
    const deep = await post('['.repeat(100_000) + ']'.repeat(100_000));
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.body).error.message).toBe(
      'Het verzoek is geen geldige JSON: regel 1, kolom 33: meer dan 32 niveaus { en [ in elkaar genest; zo diep gaat geen bestand van Jeugdplanner',
    );
    // and the server goes on answering
    expect((await post('{}')).status).toBe(200);
  });

  it('refuses a body over the size limit', async () => {
    const big = JSON.stringify({ content: 'x'.repeat(26 * 1024 * 1024) });
    const r = await request({
      method: 'POST',
      path: '/api/files.importModel',
      headers: { ...json, 'X-Jeugdplanner-Token': server.token },
      body: big,
    });
    expect(r.status).toBe(413);
  });

  it('answers nothing useful without the token: no page, no assets, no API', async () => {
    for (const p of ['/', '/index.html', '/assets/app.js', '/scenarios', '/?token=fout']) {
      const r = await request({ path: p });
      expect(r.status, p).toBe(403);
      expect(r.headers['content-type'], p).toContain('text/plain');
      expect(r.body, p).toMatch(/^Geen toegang\. Open Jeugdplanner via de link/);
      expect(r.body, p).not.toContain(server.token);
      expect(r.body, p).not.toContain('<title>JP</title>');
      expect(r.headers['set-cookie'], p).toBeUndefined();
    }
    // a cookie of another port (another Jeugdplanner) or with a wrong value opens nothing
    const other = await request({
      path: '/',
      headers: { Cookie: `jeugdplanner-1=${server.token}; jeugdplanner-${server.port}=fout` },
    });
    expect(other.status).toBe(403);
  });

  it('trades the token in the printed URL for an HttpOnly SameSite=Strict cookie, then serves the page without the token', async () => {
    const first = await request({ path: `/?token=${server.token}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toBe(`jeugdplanner-${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`);
    // other query parameters survive the redirect; the token does not
    const deep = await request({ path: `/vergelijken?token=${server.token}&x=1` });
    expect(deep.headers.location).toBe('/vergelijken?x=1');

    const session = { Cookie: cookie.split(';')[0]! };
    const r = await request({ path: '/', headers: session });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>JP</title>');
    expect(r.body).not.toContain(server.token);
    expect(r.body).not.toContain('jeugdplanner-token');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("default-src 'none'");
    const js = await request({ path: '/assets/app.js', headers: session });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    const api = await request({
      method: 'POST',
      path: '/api/models.list',
      headers: { ...json, ...session },
      body: '{}',
    });
    expect(JSON.parse(api.body)).toMatchObject({ ok: true });
  });

  it('answers malformed percent-encoding with a Dutch 400, changing nothing', async () => {
    const before = await request({
      method: 'POST',
      path: '/api/models.list',
      headers: { ...json, 'X-Jeugdplanner-Token': server.token },
      body: '{}',
    });
    for (const p of ['/%E0%A4%A', '/assets/%zz.js', '/api/models.save%', '/api/%C0%AF', `/?token=${server.token}%`]) {
      const api = p.startsWith('/api/');
      const r = await request({
        method: api ? 'POST' : 'GET',
        path: p,
        headers: { ...json, 'X-Jeugdplanner-Token': server.token },
        ...(api ? { body: '{}' } : {}),
      });
      expect(r.status, p).toBe(400);
      expect(r.body, p).toContain('procentcodering');
      expect(r.body, p).toContain('niets gewijzigd');
    }
    const after = await request({
      method: 'POST',
      path: '/api/models.list',
      headers: { ...json, 'X-Jeugdplanner-Token': server.token },
      body: '{}',
    });
    expect(after.body).toBe(before.body);
  });

  it('refuses __proto__, constructor and prototype keys anywhere in a body with a Dutch 400, saving nothing', async () => {
    const auth = { ...json, 'X-Jeugdplanner-Token': server.token };
    const list = async () =>
      JSON.parse(
        (await request({ method: 'POST', path: '/api/models.list', headers: auth, body: '{}' })).body,
      ) as unknown;
    const before = await list();
    const model = JSON.stringify(storedModel('Vergiftigd'));
    const bodies = [
      `{"__proto__": {"isAdmin": true}, "model": ${model}}`,
      `{"model": ${model.replace('{', '{"constructor": {"prototype": {"x": 1}},')}}`,
      `{"model": ${model.replace('"gemeenten":[', '"gemeenten":[{"prototype": 1},')}}`,
    ];
    for (const body of bodies) {
      const r = await request({ method: 'POST', path: '/api/models.save', headers: auth, body });
      expect(r.status, body.slice(0, 60)).toBe(400);
      const answer = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
      expect(answer.error.code).toBe('validation');
      expect(answer.error.message).toMatch(
        /niet toegestane sleutel "(__proto__|constructor|prototype)".*Er is niets gewijzigd/,
      );
    }
    expect(await list()).toEqual(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../secret.txt', '/..%2fsecret.txt']) {
      const r = await request({ path: p });
      expect(r.body).not.toContain('geheim');
      expect(r.body).not.toContain('root:');
    }
  });

  it('the renderer HTTP adapter talks to it with the token', async () => {
    const api = httpApi({ token: server.token, baseUrl: server.origin });
    const saved = await api.call('models.save', { model: storedModel('Via HTTP') });
    expect(saved.ok).toBe(true);
    const list = await api.call('models.list', {});
    expect(list.ok && list.value.map((m) => m.name)).toEqual(['Via HTTP']);
    const refused = await httpApi({ token: 'fout', baseUrl: server.origin }).call('models.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const down = await httpApi({ token: 'x', baseUrl: 'http://127.0.0.1:1' }).call('models.list', {});
    expect(down).toMatchObject({ ok: false, error: { code: 'transport' } });
  });
});
