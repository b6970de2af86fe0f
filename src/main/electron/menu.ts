import type { MenuItemConstructorOptions } from 'electron';
import type { MenuEvent } from '../../shared/api';

/**
 * The Dutch application menu. App commands go to the renderer as events (it
 * owns the state they act on); editing and window items use Electron roles.
 */
export function menuTemplate(send: (event: MenuEvent) => void, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Bestand',
      submenu: [
        { label: 'Nieuw scenario', accelerator: 'CmdOrCtrl+N', click: () => send('new-scenario') },
        { label: 'Importeren…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: 'Exporteren…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        { label: 'Exporteren naar Excel…', click: () => send('excel-export') },
        { label: 'Sjabloon downloaden…', click: () => send('excel-template') },
        { label: 'Importeren uit Excel…', click: () => send('excel-import') },
        { type: 'separator' },
        { label: 'Afdrukken/PDF…', accelerator: 'CmdOrCtrl+P', click: () => send('print') },
        { type: 'separator' },
        { label: 'Herstel uit back-up…', click: () => send('restore-backup') },
        { type: 'separator' },
        mac ? { label: 'Venster sluiten', role: 'close' } : { label: 'Afsluiten', role: 'quit' },
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        // Undo/redo act on the app's own history (assumptions), not only on the focused text field.
        { label: 'Ongedaan maken', click: () => send('undo') },
        { label: 'Opnieuw', click: () => send('redo') },
        { type: 'separator' },
        { label: 'Knippen', role: 'cut' },
        { label: 'Kopiëren', role: 'copy' },
        { label: 'Plakken', role: 'paste' },
        { label: 'Alles selecteren', role: 'selectAll' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { label: 'Presentatiemodus', accelerator: 'F5', click: () => send('presentation') },
        { type: 'separator' },
        { label: 'Volledig scherm', role: 'togglefullscreen' },
        { label: 'Ware grootte', role: 'resetZoom' },
        { label: 'Inzoomen', role: 'zoomIn' },
        { label: 'Uitzoomen', role: 'zoomOut' },
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'Over Jeugdplanner', click: () => send('about') }],
    },
  ];
  if (mac) template.unshift({ label: 'Jeugdplanner', submenu: [{ label: 'Over Jeugdplanner', click: () => send('about') }, { type: 'separator' }, { label: 'Stop Jeugdplanner', role: 'quit' }] });
  return template;
}
