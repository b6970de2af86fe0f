/** A dialog's close event can arrive after the next dialog opened (Esc, then a shortcut at once): it must not close that one. */
import { describe, expect, it } from 'vitest';
import { useUi } from '../../../src/renderer/stores/ui';
import { useExcelDialog } from '../../../src/renderer/stores/excelDialog';

describe('closing a dialog closes only that dialog', () => {
  it('UI dialogs', () => {
    useUi.getState().openDialog('over');
    useUi.getState().openDialog('import'); // Ctrl+Alt+I before the Over dialog's close event
    useUi.getState().closeDialog('over');
    expect(useUi.getState().dialog).toBe('import');
    useUi.getState().closeDialog('import');
    expect(useUi.getState().dialog).toBeUndefined();
  });
  it('Excel dialogs', () => {
    useExcelDialog.getState().show('export');
    useExcelDialog.getState().show('template');
    useExcelDialog.getState().close('export');
    expect(useExcelDialog.getState().open).toBe('template');
    useExcelDialog.getState().close('template');
    expect(useExcelDialog.getState().open).toBeUndefined();
  });
});
