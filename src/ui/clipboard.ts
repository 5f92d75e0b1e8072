// Puts text on the clipboard from an extension page. The async Clipboard API works in extension pages
// (the popup needs focus, which a click gives it); where it is refused, the older select-and-copy path
// still works within the click's user activation (HTML §6.4.3 transient activation).

/** 'copied' when the text is on the clipboard, 'failed' when both ways were refused. */
export type CopyResult = 'copied' | 'failed';

function copyBySelection(value: string): boolean {
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  // Off-screen but in the layout, so select() works and nothing flashes in the popup.
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  area.style.opacity = '0';
  document.body.append(area);
  const previous = document.activeElement as HTMLElement | null;
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus?.();
  }
}

/** Copies `value`: navigator.clipboard first, the textarea + execCommand('copy') fallback second. */
export async function copyText(value: string): Promise<CopyResult> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(value);
      return 'copied';
    }
  } catch {
    // Denied (no focus, no permission): try the selection path below.
  }
  return copyBySelection(value) ? 'copied' : 'failed';
}
