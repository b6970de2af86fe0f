import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { TOKEN_HEADER, type ApiError, type ApiResult } from '../../shared/api';
import { openService, type Service } from '../service';
import { APP_VERSION } from '../service/appVersion';
import { consoleLogger, type Logger } from '../log';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../serving/security';
import { contentTypeOf, resolveStaticFile } from '../serving/static';
import { parseJsonSyntax } from '../../shared/formats/jsonSyntax';

/** The session cookie; per port, because cookies are shared by every port of 127.0.0.1. */
export function sessionCookieName(port: number): string {
  return `jeugdplanner-${port}`;
}
/** Keys that could reach an object's prototype when a parsed body is spread or merged. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NO_ACCESS =
  'Geen toegang. Open Jeugdplanner via de link die bij het starten is getoond (met ?token=…); die link zet de toegang voor deze browser.';
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
  /** the URL to open (printed at start): it carries the token once, which the server trades for a cookie */
  url: string;
  /** http://127.0.0.1:<port>, without the token */
  origin: string;
  token: string;
  port: number;
  service: Service;
  close(): Promise<void>;
}

/**
 * Browser mode: the same renderer and the same API as the desktop app, on
 * 127.0.0.1 only. Nothing is served without the per-start token: the printed URL
 * carries it once (`/?token=…`), the server answers with a redirect that sets it
 * as an HttpOnly, SameSite=Strict cookie, and from then on the page, its assets
 * and the API need that cookie (or the token header). The page itself never
 * contains the token. Every request needs the right Host (against DNS rebinding)
 * and, when the browser sends one, our own Origin. No CORS headers.
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
      return sendJson(
        res,
        403,
        fail('forbidden', `Geweigerd: onbekende host ${JSON.stringify(req.headers.host ?? '')}.`),
      );
    }
    const url = parseRequestUrl(req.url ?? '/', port);
    if (!url) {
      const shown = JSON.stringify((req.url ?? '').slice(0, 200));
      const message = `Ongeldig adres ${shown}: de procentcodering (%..) klopt niet. Er is niets gewijzigd.`;
      return (req.url ?? '').startsWith('/api/')
        ? sendJson(res, 400, fail('validation', message))
        : sendText(res, 400, message);
    }
    const { pathname, searchParams } = url;
    // the printed link: trade the token for the session cookie, and drop it from the address bar
    const offered = searchParams.get('token');
    if (offered !== null && !pathname.startsWith('/api/')) {
      if (!tokenMatches(offered, token)) return sendText(res, 403, NO_ACCESS);
      searchParams.delete('token');
      const rest = searchParams.toString();
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        Location: `${pathname}${rest ? `?${rest}` : ''}`,
        'Set-Cookie': `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
        'Content-Length': 0,
      });
      res.end();
      return;
    }
    const authorised =
      tokenMatches(req.headers[TOKEN_HEADER], token) ||
      tokenMatches(cookieValue(req.headers.cookie, sessionCookieName(port)), token);
    if (pathname.startsWith('/api/')) return handleApi(req, res, decodeURIComponent(pathname.slice(5)), authorised);
    if (!authorised) return sendText(res, 403, NO_ACCESS);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Methode niet toegestaan');
    return serveStatic(req, res, pathname);
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    authorised: boolean,
  ): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('forbidden', 'Alleen POST is toegestaan voor de API.'));
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return sendJson(res, 403, fail('forbidden', `Geweigerd: verzoek van een andere herkomst (${origin}).`));
    }
    if (!authorised) {
      return sendJson(res, 403, fail('forbidden', `Geweigerd: ontbrekend of onjuist toegangstoken. ${NO_ACCESS}`));
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendJson(res, 415, fail('validation', 'Het verzoek moet JSON zijn (Content-Type: application/json).'));
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too-large') {
      return sendJson(
        res,
        413,
        fail('validation', `Het verzoek is groter dan ${MAX_BODY_BYTES / 1024 / 1024} MB.`),
        true,
      );
    }
    let request: unknown = {};
    if (body.length > 0) {
      const parsed = parseJsonSyntax(body.toString('utf8'));
      if (!parsed.ok)
        return sendJson(res, 400, fail('validation', `Het verzoek is geen geldige JSON: ${parsed.message}`));
      request = parsed.value;
    }
    const forbidden = forbiddenKey(request);
    if (forbidden) {
      return sendJson(
        res,
        400,
        fail(
          'validation',
          `Het verzoek bevat de niet toegestane sleutel ${JSON.stringify(forbidden.key)} (in ${forbidden.path}). Er is niets gewijzigd.`,
        ),
      );
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
      return sendHtml(res, 200, fs.readFileSync(file, 'utf8'), req.method === 'HEAD');
    }
    const data = fs.readFileSync(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': data.length,
      'Cache-Control': 'no-cache',
    });
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
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
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

/** The request path and query, or undefined when its percent-encoding is malformed (so nothing downstream has to decode it). */
function parseRequestUrl(raw: string, port: number): URL | undefined {
  try {
    const url = new URL(raw, `http://127.0.0.1:${port}`);
    decodeURIComponent(url.pathname);
    decodeURIComponent(url.search);
    return url;
  } catch {
    return undefined;
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The first key anywhere in a parsed body that could reach a prototype, with where it was. */
export function forbiddenKey(value: unknown, at = 'het verzoek'): { key: string; path: string } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return { key, path: at };
    const inner = forbiddenKey((value as Record<string, unknown>)[key], at === 'het verzoek' ? key : `${at}.${key}`);
    if (inner) return inner;
  }
  return undefined;
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
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
