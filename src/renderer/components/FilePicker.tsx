/**
 * A file chooser in Dutch. The native <input type="file"> shows the browser's
 * own "Choose File / No file chosen" (English in Chromium regardless of the
 * page language), so it stays hidden and a labelled button opens it.
 */
import { useId, useRef, useState } from 'react';

export function FilePicker({
  label,
  accept,
  disabled,
  testId,
  onFile,
}: {
  /** what to choose, e.g. "Excel-bestand"; the button reads "<label> kiezen…" */
  label: string;
  accept: string;
  disabled?: boolean;
  testId: string;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const [chosen, setChosen] = useState<string>();
  return (
    <div className="file-picker">
      <button
        type="button"
        disabled={disabled}
        aria-describedby={nameId}
        onClick={() => input.current?.click()}
        data-testid={`${testId}-button`}
      >
        {label} kiezen…
      </button>
      <span id={nameId} className="file-name">
        {chosen ?? 'Nog geen bestand gekozen'}
      </span>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-label={label}
        accept={accept}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // cleared so choosing the same (corrected) file again fires onChange again
          e.target.value = '';
          if (file) {
            setChosen(file.name);
            onFile(file);
          }
        }}
      />
    </div>
  );
}
