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
  close(): void;
}

export const useExcelDialog = create<ExcelDialogState>()((set) => ({
  show: (open) => set({ open }),
  close: () => set({ open: undefined }),
}));
