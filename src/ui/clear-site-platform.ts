// Which browser's limits the clear panel explains (Firefox has no API for its remembered passwords).
import { browser } from '../shared/browser';

/** Firefox: runtime.getBrowserInfo exists only there. */
export const isFirefoxUi = (): boolean =>
  typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
