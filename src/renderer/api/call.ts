/**
 * The one way renderer code calls main. `setTransport` is set once at start (main.tsx, or a test with its
 * own transport); `call` shows an API error to the user in Dutch and returns undefined, `callResult` hands
 * the result back for callers that explain errors themselves (the Excel dialogs).
 */
import type { ApiError, ApiMethod, ApiRequest, ApiResponses, ApiResult, JeugdplannerApi } from '../../shared/api';
import { useUi } from '../stores/ui';

let transport: JeugdplannerApi | undefined;

export function setTransport(api: JeugdplannerApi): void {
  transport = api;
}

export function currentTransport(): JeugdplannerApi | undefined {
  return transport;
}

export async function callResult<M extends ApiMethod>(
  method: M,
  request: ApiRequest<M>,
): Promise<ApiResult<ApiResponses[M]>> {
  if (!transport) throw new Error('API niet geïnitialiseerd');
  return transport.call(method, request);
}

/** Calls main; shows API errors in Dutch (with the field issues) and returns undefined. */
export async function call<M extends ApiMethod>(
  method: M,
  request: ApiRequest<M>,
): Promise<ApiResponses[M] | undefined> {
  const result = await callResult(method, request);
  if (result.ok) return result.value;
  showApiError(result.error);
  return undefined;
}

export function showApiError(error: ApiError): void {
  useUi.getState().notify({ kind: 'error', message: error.message, ...(error.issues ? { issues: error.issues } : {}) });
}
