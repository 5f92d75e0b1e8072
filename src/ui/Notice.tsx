import type { ComponentChildren } from 'preact';

interface Props {
  tone: 'info' | 'warn' | 'error';
  testid: string;
  children: ComponentChildren;
}

/** A one-line banner above the list: tab gone, page not inspectable, storage error, dropped events. */
export function Notice({ tone, testid, children }: Props) {
  return (
    <p class={`notice ${tone}`} data-testid={testid} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
