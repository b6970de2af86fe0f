/**
 * Which Excel dialog is open (export, template, import). Its own small store so
 * the Excel dialogs do not widen the shared UI store; the header, the keyboard
 * and the Electron menu open them through runAction (menu.ts).
 */
import { create } from 'zustand';

export type ExcelDialog = 'export' | 'template' | 'import';

interface ExcelDialogState {
  open?: ExcelDialog | undefined;
  show(dialog: ExcelDialog): void;
  /** closes the given dialog if it is still the open one (its close event may arrive after another opened); no argument: any */
  close(dialog?: ExcelDialog): void;
}

export const useExcelDialog = create<ExcelDialogState>()((set) => ({
  show: (open) => set({ open }),
  close: (dialog) => set((s) => (dialog === undefined || s.open === dialog ? { open: undefined } : {})),
}));
