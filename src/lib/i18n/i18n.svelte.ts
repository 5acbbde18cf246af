import { MESSAGES, type MessageKey } from './messages';

export type Lang = 'zh' | 'en';

function initialLang(): Lang {
  if (typeof localStorage === 'undefined') return 'zh';
  const saved = localStorage.getItem('lang');
  return saved === 'en' || saved === 'zh' ? saved : 'zh';
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
