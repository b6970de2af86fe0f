import type { ApiMethod, ApiRequest, ApiResponses, ApiResult, JeugdplannerApi } from '../../shared/api';

export const TOKEN_META = 'jeugdplanner-token';
export const TOKEN_HEADER = 'X-Jeugdplanner-Token';

export interface HttpApiOptions {
  /** the per-start token the server put in the page */
  token: string;
  /** '' for same origin (the served page); a full URL in tests */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** The browser-mode transport: POST /api/<method> with the token; every failure becomes an ApiResult. */
export function httpApi(options: HttpApiOptions): JeugdplannerApi {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResult<ApiResponses[M]>> {
      let response: Response;
      try {
        response = await doFetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: options.token },
          body: JSON.stringify(request ?? {}),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (err) {
        return transportError(`Geen verbinding met Jeugdplanner (is het programma gestopt?): ${err instanceof Error ? err.message : String(err)}`);
      }
      try {
        const body = (await response.json()) as ApiResult<ApiResponses[M]>;
        if (body && typeof body === 'object' && 'ok' in body) return body;
      } catch {
        // fall through: not our JSON
      }
      return transportError(`Onverwacht antwoord van Jeugdplanner (HTTP ${response.status}).`);
    },
  };
}

/** Reads the token from <meta name="jeugdplanner-token">. */
export function readToken(doc: Pick<Document, 'querySelector'>): string | undefined {
  const value = doc.querySelector(`meta[name="${TOKEN_META}"]`)?.getAttribute('content');
  return value || undefined;
}

function transportError<T>(message: string): ApiResult<T> {
  return { ok: false, error: { code: 'transport', message } };
}
