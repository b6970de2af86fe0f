import {
  TOKEN_HEADER,
  type ApiMethod,
  type ApiRequest,
  type ApiResponses,
  type ApiResult,
  type JeugdplannerApi,
} from '../../shared/api';

export interface HttpApiOptions {
  /**
   * The per-start token, sent as a header (tests, scripts). The served page has none: its
   * requests carry the HttpOnly session cookie the server set when the printed link was opened.
   */
  token?: string;
  /** '' for same origin (the served page); a full URL in tests */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** The browser-mode transport: POST /api/<method> with the session cookie (or the token header); every failure becomes an ApiResult. */
export function httpApi(options: HttpApiOptions): JeugdplannerApi {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResult<ApiResponses[M]>> {
      let response: Response;
      try {
        response = await doFetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(options.token ? { [TOKEN_HEADER]: options.token } : {}) },
          body: JSON.stringify(request ?? {}),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch (err) {
        return transportError(
          `Geen verbinding met Jeugdplanner (is het programma gestopt?): ${err instanceof Error ? err.message : String(err)}`,
        );
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

function transportError<T>(message: string): ApiResult<T> {
  return { ok: false, error: { code: 'transport', message } };
}
