import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../../shared/api';
import type { Service } from '../service';
import { CALL_CHANNEL } from './channels';
import { isAppUrl } from './window';

/** Only our own page, in the top frame, may call the API (not an iframe, not a page navigated elsewhere). */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  // The same test as for navigation. (URL.origin is no help here: Node gives "null" for app://.)
  return typeof frame.url === 'string' && isAppUrl(frame.url);
}

/**
 * One channel for the whole contract: (method, request) → ApiResult. The
 * service validates method and payload; here only the sender is checked.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  service: Pick<Service, 'handle'>,
): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, request: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Geweigerd: dit verzoek komt niet van het Jeugdplanner-venster.' },
      };
    }
    return service.handle(method, request);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
