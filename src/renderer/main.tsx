import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/client';
import { App } from './App';
import { installMenuBridge, installShortcuts } from './menu';
import { installFlushOnLeave, useData } from './stores/data';
import './styles.css';

installFlushOnLeave();
installShortcuts();
installMenuBridge();
void useData.getState().init(getApi());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
