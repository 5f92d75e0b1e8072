// User settings kept in storage.local (they outlive the browser session, unlike the captured logs in
// storage.session): read once, then followed, so the popup, the panel and the worker agree at once.
// Keys and their types are declared once in src/shared/storage.ts.
import { useEffect, useState } from 'preact/hooks';
import { getLocal, setLocal, watchLocal, type LocalItems, type LocalKey } from '../shared/storage';

/** Current value of a storage.local setting (`fallback` until read or when unset), and its setter. */
export function useLocalSetting<K extends LocalKey, T extends LocalItems[K]>(
  key: K,
  fallback: T,
): [T, (next: T) => Promise<void>] {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    let live = true;
    const stop = watchLocal(key, (next) => live && setValue((next as T | undefined) ?? fallback));
    getLocal(key).then(
      (got) => live && setValue((got as T | undefined) ?? fallback),
      () => undefined, // unreadable storage: keep the default, the control still works for this view
    );
    return () => {
      live = false;
      stop();
    };
  }, [key]);
  const set = (next: T): Promise<void> => {
    setValue(next);
    return setLocal({ [key]: next } as Partial<LocalItems>);
  };
  return [value, set];
}
