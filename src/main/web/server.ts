import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiError, ApiResult } from '../../shared/api';
import { openService, type Service } from '../service';
import { APP_VERSION } from '../service/appVersion';
import { consoleLogger, type Logger } from '../log';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../serving/security';
import { contentTypeOf, injectToken, resolveStaticFile } from '../serving/static';
import { parseJsonSyntax } from '../../shared/formats/jsonSyntax';

export const TOKEN_HEADER = 'x-jeugdplanner-token';
/** Imported files travel as text up to 20 MB; JSON escaping may add some. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface WebServerOptions {
  dataDir: string;
  /** 0 (default): a free port chosen by the OS */
  port?: number;
  /** the built renderer (vite build); default dist/renderer under the working directory */
  rendererDir?: string;
  /** bundled models for first start; default models/ under the working directory */
  seedDir?: string;
  appVersion?: string;
  log?: Logger;
  /** an already opened service (tests); otherwise one is opened on dataDir */
  service?: Service;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  service: Service;
  close(): Promise<void>;
}

/**
 * Browser mode: the same renderer and the same API as the desktop app, on
 * 127.0.0.1 only. Every API request needs the per-start token (put in the
 * served page), the right Host (against DNS rebinding) and, when the browser
 * sends one, our own Origin. No CORS headers: other sites cannot read answers.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const log = options.log ?? consoleLogger;
  const rendererDir = path.resolve(options.rendererDir ?? path.join(process.cwd(), 'dist', 'renderer'));
  const service =
    options.service ??
    (await openService({
      dataDir: options.dataDir,
      seedDir: options.seedDir ?? path.join(process.cwd(), 'models'),
      appVersion: options.appVersion ?? APP_VERSION,
      transport: 'browser',
      log,
    }));
  const token = randomBytes(32).toString('base64url');
  let port = 0;

  const server = http.createServer((req, res) => {
    handleRequest(req, res).catch((err: unknown) => {
      log.error(`webserver: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'Interne fout in de webserver.'));
      else res.destroy();
    });
  });

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return sendJson(res, 403, fail('forbidden', `Geweigerd: onbekende host ${JSON.stringify(req.headers.host ?? '')}.`));
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, decodeURIComponent(url.pathname.slice(5)));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Methode niet toegestaan');
    return serveStatic(req, res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('forbidden', 'Alleen POST is toegestaan voor de API.'));
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return sendJson(res, 403, fail('forbidden', `Geweigerd: verzoek van een andere herkomst (${origin}).`));
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      return sendJson(res, 403, fail('forbidden', 'Geweigerd: ontbrekend of onjuist toegangstoken. Herlaad de pagina.'));
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendJson(res, 415, fail('validation', 'Het verzoek moet JSON zijn (Content-Type: application/json).'));
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too-large') {
      return sendJson(res, 413, fail('validation', `Het verzoek is groter dan ${MAX_BODY_BYTES / 1024 / 1024} MB.`), true);
    }
    let request: unknown = {};
    if (body.length > 0) {
      const parsed = parseJsonSyntax(body.toString('utf8'));
      if (!parsed.ok) return sendJson(res, 400, fail('validation', `Het verzoek is geen geldige JSON: ${parsed.message}`));
      request = parsed.value;
    }
    // A client that goes away (tab closed, reload, fetch aborted) no longer wants the answer: its job is cancelled.
    const gone = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) gone.abort();
    };
    res.once('close', onClose);
    const result = await service.handle(method, request, { signal: gone.signal });
    res.off('close', onClose);
    if (gone.signal.aborted || res.destroyed) return;
    sendJson(res, 200, result);
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      return sendHtml(
        res,
        503,
        `<!doctype html><html lang="nl"><meta charset="utf-8"><title>Jeugdplanner</title>` +
          `<p>De gebruikersinterface is nog niet gebouwd (${escapeHtml(rendererDir)} ontbreekt). Voer <code>npm run build:renderer</code> uit, of start met <code>npm start</code>.</p></html>`,
      );
    }
    const file = resolveStaticFile(rendererDir, pathname);
    if (!file) return sendText(res, 404, 'Niet gevonden');
    const type = contentTypeOf(file);
    if (type.startsWith('text/html')) {
      return sendHtml(res, 200, injectToken(fs.readFileSync(file, 'utf8'), token), req.method === 'HEAD');
    }
    const data = fs.readFileSync(file);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': data.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    token,
    port,
    service,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          if (!options.service) service.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function fail(code: ApiError['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, closeConnection = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(closeConnection ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

function sendHtml(res: http.ServerResponse, status: number, html: string, headOnly = false): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
  });
  res.end(headOnly ? undefined : html);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
