/**
 * The sandboxed preload: exposes exactly call(method, request) and
 * onMenu(listener) to the page. No Node, no ipcRenderer, nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult, MenuEvent, PreloadBridge } from '../../shared/api';
import { CALL_CHANNEL, MENU_CHANNEL } from './channels';

const bridge: PreloadBridge = {
  call: (method: string, request: unknown) =>
    ipcRenderer.invoke(CALL_CHANNEL, method, request) as Promise<ApiResult<unknown>>,
  onMenu(listener: (event: MenuEvent) => void) {
    const wrapped = (_event: IpcRendererEvent, action: unknown) => {
      if (typeof action === 'string') listener(action as MenuEvent);
    };
    ipcRenderer.on(MENU_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('jeugdplanner', bridge);
