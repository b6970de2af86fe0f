/**
 * The renderer's only way to main: getApi() picks the transport. In Electron
 * the preload put `window.jeugdplanner`; in browser mode the API is HTTP on the
 * same origin, authorised by the session cookie. No other renderer code knows.
 */
import type { JeugdplannerApi, MenuEvent } from '../../shared/api';
import { isMenuEvent } from '../../shared/api';
import { bridgeApi, findBridge } from './bridge';
import { httpApi } from './http';

let cached: JeugdplannerApi | undefined;

export function getApi(): JeugdplannerApi {
  if (cached) return cached;
  const bridge = findBridge(globalThis);
  if (bridge) {
    cached = bridgeApi(bridge);
  } else {
    const served = typeof location !== 'undefined' && (location.protocol === 'http:' || location.protocol === 'https:');
    cached = served
      ? httpApi({})
      : {
          // Opened without the server's page (e.g. index.html straight from disk): say so on every call.
          call: async () => ({
            ok: false,
            error: {
              code: 'transport',
              message: 'Jeugdplanner is niet via npm start geopend: er is geen verbinding met de opslag.',
            },
          }),
        };
  }
  return cached;
}

/** Menu actions from the desktop shell; in browser mode there is no menu and this never fires. */
export function onMenu(listener: (event: MenuEvent) => void): () => void {
  const bridge = findBridge(globalThis);
  if (!bridge) return () => {};
  return bridge.onMenu((event) => {
    if (isMenuEvent(event)) listener(event);
  });
}

/** Which transport getApi() uses, for the About dialog. */
export function transportName(): 'electron' | 'browser' {
  return findBridge(globalThis) ? 'electron' : 'browser';
}
