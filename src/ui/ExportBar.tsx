// Export one event or a set: HAR 1.2, cURL, or the markdown support report; copy or save as a file.
// The builders mask every credential (src/core/export-*.ts); this only moves text around.
import { useState } from 'preact/hooks';
import { copyText } from './clipboard';
import { armDownload, fileStamp } from './export-actions';
import { msg } from './i18n';

export type ExportFormat = 'har' | 'curl' | 'report';

/** Builds the text of one format; throws or returns undefined when it cannot (shown as an error). */
export type BuildExport = (format: ExportFormat) => string | undefined;

const FILES: Record<ExportFormat, { ext: string; type: string }> = {
  har: { ext: 'har', type: 'application/json' },
  curl: { ext: 'sh', type: 'text/x-shellscript' },
  report: { ext: 'md', type: 'text/markdown' },
};

interface Props {
  /** What is exported, e.g. "this response" or "12 shown responses". */
  label: string;
  build: BuildExport;
  /** data-testid prefix: one bar per scope. */
  testid: string;
  disabled?: boolean;
}

/** A format picker with Copy and Save; the result is announced politely. */
export function ExportBar({ label, build, testid, disabled }: Props) {
  const [format, setFormat] = useState<ExportFormat>('har');
  const [status, setStatus] = useState('');
  const make = (): string | undefined => {
    try {
      const text = build(format);
      if (text === undefined) setStatus(msg('panel_export_unavailable'));
      return text;
    } catch (error) {
      setStatus(msg('panel_export_failed', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  };
  const copy = async (): Promise<void> => {
    const text = make();
    if (text !== undefined)
      setStatus(msg((await copyText(text)) === 'copied' ? 'panel_copied' : 'panel_copy_failed'));
  };
  const save = (e: MouseEvent): void => {
    const text = make();
    if (text === undefined) return e.preventDefault();
    const file = FILES[format];
    armDownload(
      e.currentTarget as HTMLAnchorElement,
      text,
      `401-inspector-${fileStamp(Date.now())}.${file.ext}`,
      file.type,
    );
    setStatus(msg('panel_saved'));
  };
  return (
    <div class="export" role="group" aria-label={label} data-testid={testid}>
      <span class="export-label">{label}</span>
      <select
        aria-label={msg('panel_export_format')}
        value={format}
        disabled={disabled}
        data-testid={`${testid}-format`}
        onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ExportFormat)}
      >
        <option value="har">{msg('panel_format_har')}</option>
        <option value="curl">{msg('panel_format_curl')}</option>
        <option value="report">{msg('panel_format_report')}</option>
      </select>
      <button type="button" disabled={disabled} data-testid={`${testid}-copy`} onClick={() => void copy()}>
        {msg('panel_copy')}
      </button>
      {disabled ? (
        <span class="button disabled" role="link" aria-disabled="true">
          {msg('panel_save')}
        </span>
      ) : (
        <a class="button" href="#" download="" data-testid={`${testid}-save`} onClick={save}>
          {msg('panel_save')}
        </a>
      )}
      <span class="export-status" role="status" data-testid={`${testid}-status`}>
        {status}
      </span>
    </div>
  );
}
