import { MESSAGES, type MessageKey } from './messages';

export type Lang = 'zh' | 'en';

function asLang(value: string | null | undefined): Lang | null {
  return value === 'en' || value === 'zh' ? value : null;
}

/** The first of the browser's preferred languages that the interface speaks (Chinese by default). */
export function browserLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh' || primary === 'en') return primary;
  }
  return 'zh';
}

/** `?lang=` in the address, else the user's earlier choice, else the browser's languages. */
function initialLang(): Lang {
  if (typeof localStorage === 'undefined' || typeof location === 'undefined') return 'zh';
  const asked = asLang(new URLSearchParams(location.search).get('lang'));
  if (asked) {
    localStorage.setItem('lang', asked);
    return asked;
  }
  const saved = asLang(localStorage.getItem('lang'));
  if (saved) return saved;
  return browserLang(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

class I18n {
  lang = $state<Lang>(initialLang());

  set(lang: Lang) {
    this.lang = lang;
    localStorage.setItem('lang', lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }

  /** The message in the current language, with `{name}` placeholders filled in as text. */
  t = (key: MessageKey, values: Record<string, string | number> = {}): string => {
    const template = MESSAGES[key][this.lang];
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  };
}

export const i18n = new I18n();
