import type { MenuItemConstructorOptions } from 'electron';
import type { MenuEvent } from '../../shared/api';

/** What undo and redo would do, as the renderer last said (menu.setUndoLabels); absent: nothing to undo/redo. */
export interface UndoLabels {
  undo?: string;
  redo?: string;
}

/**
 * The Dutch application menu. App commands go to the renderer as events (it
 * owns the state they act on); editing and window items use Electron roles.
 * With `undo` (once the renderer has said what its history holds) the undo and
 * redo items name their step ("Ongedaan maken: instroom Pleegzorg 2024") and
 * are disabled when there is none; without it (before the page has loaded)
 * they are plain and enabled.
 */
export function menuTemplate(
  send: (event: MenuEvent) => void,
  platform: NodeJS.Platform = process.platform,
  undo?: UndoLabels,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const step = (verb: string, label: string | undefined): Pick<MenuItemConstructorOptions, 'label' | 'enabled'> =>
    undo === undefined ? { label: verb } : { label: label ? `${verb}: ${label}` : verb, enabled: label !== undefined };
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
        { ...step('Ongedaan maken', undo?.undo), click: () => send('undo') },
        { ...step('Opnieuw', undo?.redo), click: () => send('redo') },
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
  if (mac)
    template.unshift({
      label: 'Jeugdplanner',
      submenu: [
        { label: 'Over Jeugdplanner', click: () => send('about') },
        { type: 'separator' },
        { label: 'Stop Jeugdplanner', role: 'quit' },
      ],
    });
  return template;
}
