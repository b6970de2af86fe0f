/** IPC channel names shared by main and preload (kept free of imports: the sandboxed preload bundles it). */
export const CALL_CHANNEL = 'jeugdplanner:call';
export const MENU_CHANNEL = 'jeugdplanner:menu';
/** The renderer is served from this origin (custom protocol, see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'jeugdplanner';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;
