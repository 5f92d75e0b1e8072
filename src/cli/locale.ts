// The command line speaks the extension's own words: the same `_locales/<lang>/messages.json`
// catalogs, rendered by core's formatMessage (chrome.i18n's rules), so every explanation exists once.
import en from '../../_locales/en/messages.json' with { type: 'json' };
import ru from '../../_locales/ru/messages.json' with { type: 'json' };
import { renderFrom, type Catalog, type Text } from '../core/text';

export type Lang = 'en' | 'ru';
export type Render = (text: Text) => string;

const CATALOGS: Record<Lang, Catalog> = { en, ru };

/** The language from --lang, else the POSIX locale variables in their order of precedence. */
export function pickLang(flag: Lang | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag) return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ru([_.@-]|$)/i.test(locale) ? 'ru' : 'en';
}

/** A renderer for one language; keys the chosen catalog lacks fall back to English. */
export function renderer(lang: Lang): Render {
  const catalog = CATALOGS[lang];
  return (t) => {
    const own = renderFrom(catalog, t);
    return own === t.key && lang !== 'en' ? renderFrom(CATALOGS.en, t) : own;
  };
}
