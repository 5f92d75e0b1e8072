// User settings kept in storage.local (they outlive the browser session, unlike the captured logs in
// storage.session): read once, then followed, so the popup, the panel and the worker agree at once.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';

/** Current value of a storage.local setting (`fallback` until read or when unset), and its setter. */
export function useLocalSetting<T>(key: string, fallback: T): [T, (next: T) => Promise<void>] {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    let live = true;
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area === 'local' && key in changes && live)
        setValue((changes[key]?.newValue as T | undefined) ?? fallback);
    };
    browser.storage.onChanged.addListener(listener);
    browser.storage.local.get(key).then(
      (got) => live && setValue((got[key] as T | undefined) ?? fallback),
      () => undefined, // unreadable storage: keep the default, the control still works for this view
    );
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [key]);
  const set = (next: T): Promise<void> => {
    setValue(next);
    return browser.storage.local.set({ [key]: next });
  };
  return [value, set];
}
