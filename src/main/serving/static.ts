import fs from 'node:fs';
import path from 'node:path';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside root, or undefined. Never leaves root
 * (no '..', no absolute paths, no symlink tricks past the resolved root).
 * Paths without an extension fall back to index.html (one-page app).
 */
export function resolveStaticFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const rootReal = safeRealpath(root);
  if (!rootReal) return undefined;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const candidate = path.resolve(rootReal, relative);
  if (!isInside(rootReal, candidate)) return undefined;
  const real = safeRealpath(candidate);
  if (real && isInside(rootReal, real) && fs.statSync(real).isFile()) return real;
  if (path.extname(relative) === '') {
    const index = path.join(rootReal, 'index.html');
    return fs.existsSync(index) ? index : undefined;
  }
  return undefined;
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}
