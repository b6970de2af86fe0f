import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setTransport } from './api/call';
import { getApi } from './api/client';
import { App } from './App';
import { installMenuBridge, installShortcuts } from './menu';
import { installFlushOnLeave, useData } from './stores/data';
import { boot } from './stores/startup';
import './styles.css';

installFlushOnLeave();
installShortcuts();
installMenuBridge();
// app.info first: a refused database (newer app version) must not be asked for data
setTransport(getApi());
void boot(() => useData.getState().init());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
