import type { DiagnoseContext } from '../core/diagnose';

type Platform = NonNullable<DiagnoseContext['platform']>;

/**
 * The operating system family, for diagnosis: Windows answers Negotiate/NTLM with the logged-on user.
 * userAgentData (Chromium) first, navigator.platform (Firefox) otherwise.
 */
export function platform(): Platform {
  const data = (navigator as { userAgentData?: { platform?: string } }).userAgentData;
  const name = (data?.platform || navigator.platform || '').toLowerCase();
  if (name.includes('win')) return 'windows';
  if (name.includes('mac')) return 'mac';
  if (name.includes('android')) return 'android';
  if (name.includes('cros') || name.includes('chrome os')) return 'chromeos';
  if (name.includes('linux')) return 'linux';
  return 'other';
}
