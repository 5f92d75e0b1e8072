import { useEffect, useState } from 'preact/hooks';
import type { DiagnoseContext } from '../core/diagnose';
import type { AuthEvent, TabLog } from '../core/record';
import { msg } from './i18n';

// The details (explanation catalog, diagnosis rules, their views) are most of the popup's code but
// only needed once a card is opened: a separate chunk keeps the first render small and fast.
type DetailsModule = typeof import('./EventDetails');
let loaded: DetailsModule | undefined;
let loading: Promise<DetailsModule> | undefined;

/** Starts (once) loading the details chunk. */
export function loadDetails(): Promise<DetailsModule> {
  loading ??= import('./EventDetails').then((m) => (loaded = m));
  return loading;
}

interface Props {
  event: AuthEvent;
  log: TabLog;
  context?: DiagnoseContext;
}

/** EventDetails once its chunk is in; a busy placeholder before, a message if it cannot load. */
export function LazyDetails(props: Props) {
  const [mod, setMod] = useState(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (mod) return undefined;
    let live = true;
    loadDetails().then(
      (m) => live && setMod(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [mod]);
  if (mod) return <mod.EventDetails {...props} />;
  if (failed) return <p class="notice error">{msg('ui_details_failed')}</p>;
  return <div class="event-body" aria-busy="true" />;
}
