import fs from 'node:fs';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../serving/security';
import { contentTypeOf, resolveStaticFile } from '../serving/static';
import { APP_HOST } from './channels';

/**
 * Serves the built renderer on app://jeugdplanner/… (a standard, secure
 * scheme: ES modules load, 'self' in the CSP means exactly our files, and
 * the IPC sender check has one origin to compare with).
 */
export function appProtocolHandler(rendererDir: string): (request: Request) => Response {
  return (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Niet gevonden', { status: 404 });
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Niet gevonden', { status: 404 });
    const type = contentTypeOf(file);
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': type };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    return new Response(fs.readFileSync(file), { status: 200, headers });
  };
}
