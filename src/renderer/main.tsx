import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setTransport } from './api/call';
import { getApi, transportName } from './api/client';
import { App } from './App';
import { installMenuBridge, installShortcuts, installUndoMenuLabels } from './menu';
import { installFlushOnLeave, useData } from './stores/data';
import { boot } from './stores/startup';
import { installSettingsSync, restoreSettings } from './stores/settings';
import './styles.css';

installFlushOnLeave();
installShortcuts();
installMenuBridge();
// app.info first: a refused database (newer app version) must not be asked for data
setTransport(getApi());
// the desktop menu names what undo/redo would do, like the header's buttons
if (transportName() === 'electron') installUndoMenuLabels();
void boot(async () => {
  await useData.getState().init();
  if (useData.getState().status !== 'ready') return;
  // the comparison, the open scenario and accepted warnings of the last session
  await restoreSettings();
  installSettingsSync();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
