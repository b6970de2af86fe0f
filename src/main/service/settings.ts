import { parseSettings } from '../../shared/formats/settings';
import { getMeta, setMeta } from '../storage/meta';
import { storageOf, type HandlerMap } from './context';

/** The app_meta key of the user's settings (formats/settings). */
export const SETTINGS_KEY = 'ui.settings';

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.save'> = {
  'settings.get': (_req, ctx) => parseSettings(getMeta(storageOf(ctx).db, SETTINGS_KEY)),
  'settings.save': (req, ctx) => {
    setMeta(storageOf(ctx).db, SETTINGS_KEY, JSON.stringify(req.settings));
    return req.settings;
  },
};
