/** A modal dialog on the native <dialog> element: focus trap, Esc to close, labelled by its heading. */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={id} onClose={onClose} className="dialog">
      <h2 id={id}>{title}</h2>
      {open ? children : null}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Sluiten
        </button>
      </div>
    </dialog>
  );
}
