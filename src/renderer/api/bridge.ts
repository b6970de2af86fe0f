import type { ApiMethod, ApiRequest, ApiResponses, ApiResult, JeugdplannerApi, PreloadBridge } from '../../shared/api';

/** The Electron transport: the preload's contextBridge object, typed as the contract. */
export function bridgeApi(bridge: PreloadBridge): JeugdplannerApi {
  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResult<ApiResponses[M]>> {
      try {
        return (await bridge.call(method, request)) as ApiResult<ApiResponses[M]>;
      } catch (err) {
        // IPC itself failed (e.g. the main process is shutting down): still an answer, not a throw.
        return {
          ok: false,
          error: {
            code: 'transport',
            message: `Geen antwoord van Jeugdplanner: ${err instanceof Error ? err.message : String(err)}`,
          },
        };
      }
    },
  };
}

export function findBridge(scope: unknown): PreloadBridge | undefined {
  const candidate = (scope as { jeugdplanner?: Partial<PreloadBridge> } | undefined)?.jeugdplanner;
  return candidate && typeof candidate.call === 'function' ? (candidate as PreloadBridge) : undefined;
}
