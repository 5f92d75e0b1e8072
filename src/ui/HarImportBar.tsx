// "Open HAR file" for a view: the button (a file input), the drop target, progress while reading,
// the error or the notices of the file, and "Close file" to go back to the tab's live log.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { msg, t } from './i18n';
import { Notice } from './Notice';
import './har-import.css';
import type { HarState } from './use-har-import';

/** The button that opens the file picker (a label around a hidden input, so it works from the keyboard). */
export function OpenHarButton({ onFile }: { onFile: (file: File) => void }) {
  return (
    <label class="button open-har" data-testid="open-har" title={msg('har_open_hint')}>
      <input
        type="file"
        accept=".har,application/json,.json"
        class="sr-only"
        data-testid="har-input"
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file) onFile(file);
          input.value = ''; // the same file can be opened again
        }}
      />
      {msg('har_open')}
    </label>
  );
}

/** Wraps a view so a HAR file dropped anywhere on it is opened. */
export function HarDropZone({
  onFile,
  children,
  class: cls,
  testid,
  data,
}: {
  onFile: (file: File) => void;
  children: ComponentChildren;
  class?: string;
  testid?: string;
  /** Extra attributes for the wrapper (data-* that tests read). */
  data?: Record<string, string | number>;
}) {
  const [over, setOver] = useState(false);
  const hasFile = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');
  return (
    <div
      {...data}
      class={`${cls ?? ''}${over ? ' drop-over' : ''}`}
      data-testid={testid ?? 'har-drop'}
      onDragOver={(e) => {
        if (!hasFile(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        const file = e.dataTransfer?.files[0];
        setOver(false);
        if (!file) return;
        e.preventDefault();
        onFile(file);
      }}
    >
      {children}
    </div>
  );
}

/** What the view says about the file: reading (with progress), the error, or what was imported. */
export function HarStatus({ state, onClose }: { state: HarState; onClose: () => void }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'reading')
    return (
      <p class="notice info har-reading" role="status" data-testid="har-reading">
        {msg('har_reading', state.name)}{' '}
        <progress
          max={1}
          value={state.progress}
          aria-label={msg('har_reading', state.name)}
          data-testid="har-progress"
        />
      </p>
    );
  if (state.kind === 'error')
    return (
      <Notice tone="error" testid="har-error">
        {state.name}: {t(state.error)}{' '}
        <button type="button" class="link" data-testid="har-close" onClick={onClose}>
          {msg('har_dismiss')}
        </button>
      </Notice>
    );
  const { result } = state;
  const count = String(result.events.length);
  return (
    <div class="har-banner" data-testid="har-banner" role="status">
      <p>
        <strong>{msg('har_imported_from', state.name)}</strong>
        {result.creator ? ` (${result.creator})` : ''}.{' '}
        <span data-testid="har-summary">
          {result.events.length
            ? msg('har_summary', count, String(result.total))
            : msg('har_none', String(result.total))}
        </span>{' '}
        {msg('har_memory_only')}{' '}
        <button type="button" data-testid="har-close" onClick={onClose}>
          {msg('har_close')}
        </button>
      </p>
      {result.notices.map((n) => (
        <Notice tone="warn" testid="har-notice" key={n.key}>
          {t(n)}
        </Notice>
      ))}
    </div>
  );
}
