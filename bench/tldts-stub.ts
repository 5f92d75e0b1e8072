// Stands in for tldts in bench/vite.no-psl.config.ts: no registrable domain known.
export const getDomain = (_hostname: string, _options?: unknown): string | null => null;
