import { ENGINE_VERSION } from '../../shared/engine/version';
import { databasePath } from '../storage/paths';
import type { HandlerMap } from './context';

export const appHandlers: HandlerMap<'app.info' | 'menu.setUndoLabels'> = {
  'app.info': (_req, ctx) => ({
    appVersion: ctx.appVersion,
    engineVersion: ENGINE_VERSION,
    dataDir: ctx.state.status === 'ready' ? ctx.state.storage.dataDir : ctx.state.dataDir,
    databasePath: databasePath(ctx.state.status === 'ready' ? ctx.state.storage.dataDir : ctx.state.dataDir),
    transport: ctx.transport,
    notices: [...ctx.state.notices],
    storageReady: ctx.state.status === 'ready',
    ...(ctx.state.status === 'ready' && ctx.state.storage.readOnly ? { readOnly: ctx.state.storage.readOnly } : {}),
  }),
  /** The desktop menu names what undo/redo would do; browser mode has no menu: nothing happens. */
  'menu.setUndoLabels': (req, ctx) => {
    if (!ctx.menu) return { applied: false };
    ctx.menu.setUndoLabels({
      ...(req.undo !== undefined ? { undo: req.undo } : {}),
      ...(req.redo !== undefined ? { redo: req.redo } : {}),
    });
    return { applied: true };
  },
};
