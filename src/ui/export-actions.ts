// Saving an export as a file with no extra permission: a Blob behind an <a download> link (no
// "downloads" permission needed). Copying is clipboard.ts's job.

/**
 * Points an <a download> at a Blob of `text` just before its default action runs (call from its click
 * handler); the object URL is released once the download has started.
 */
export function armDownload(link: HTMLAnchorElement, text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  link.href = url;
  link.download = filename;
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name stamp: 2026-11-23T14-05-09 (no ':' — not allowed in Windows file names). */
export const fileStamp = (time: number): string =>
  new Date(time).toISOString().slice(0, 19).replace(/:/g, '-');
