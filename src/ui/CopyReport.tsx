import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from './clipboard';
import { msg } from './i18n';

interface Props {
  /** Builds the Markdown (may load code first); called on click only. */
  build: () => string | Promise<string>;
  label: string;
  testid: string;
}

type Status = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; text: string };

/**
 * A "Copy report" button with a visible status. When the clipboard refuses, the report is shown in a
 * read-only text box so the person can still copy it by hand: nothing is lost.
 */
export function CopyReport({ build, label, testid }: Props) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async () => {
    clearTimeout(timer.current);
    let text = '';
    try {
      text = await build();
    } catch (error) {
      console.error('report failed', error);
    }
    const result = text ? await copyText(text) : 'failed';
    setStatus(result === 'copied' ? { kind: 'copied' } : { kind: 'failed', text });
    if (result === 'copied') timer.current = setTimeout(() => setStatus({ kind: 'idle' }), 2500);
  };

  return (
    <span class="copy-report">
      <button type="button" data-testid={testid} title={msg('ui_copy_report_hint')} onClick={onClick}>
        {label}
      </button>
      <span role="status" aria-live="polite" class="copy-status" data-testid={`${testid}-status`}>
        {status.kind === 'copied' && msg('ui_copied')}
        {status.kind === 'failed' && msg('ui_copy_failed')}
      </span>
      {status.kind === 'failed' && status.text && (
        <textarea
          class="copy-fallback"
          readOnly
          rows={6}
          data-testid={`${testid}-text`}
          value={status.text}
        />
      )}
    </span>
  );
}
