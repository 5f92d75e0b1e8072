// One place decides light or dark: ui.css defines each palette once, keyed by <html data-theme>.
// The popup (and the panel opened as a plain page) follow the system; the DevTools panel follows
// DevTools' own theme (devtools.panels.themeName) once it is known.

const dark = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
let fixed = false;

function apply(theme: 'light' | 'dark'): void {
  document.documentElement.dataset.theme = theme;
}

/** Follows prefers-color-scheme until {@link setTheme} fixes a theme. */
export function followSystemTheme(): void {
  apply(dark?.matches ? 'dark' : 'light');
  dark?.addEventListener('change', (e) => {
    if (!fixed) apply(e.matches ? 'dark' : 'light');
  });
}

/** Fixes the theme (DevTools' 'dark' / 'default'); the system setting no longer applies. */
export function setTheme(name: string): void {
  fixed = true;
  apply(name === 'dark' ? 'dark' : 'light');
}
