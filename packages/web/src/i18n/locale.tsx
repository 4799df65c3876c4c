/** The UI language: Chinese first, English second; the choice is kept in this browser. */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zh, type Messages } from './messages-zh';
import { en } from './messages-en';
import { englishLabels, enumSets, type EnumName } from './enum-labels';

export type Lang = 'zh-CN' | 'en-US';
const STORAGE_KEY = 'anju.lang';

interface LocaleValue {
  lang: Lang;
  setLang(lang: Lang): void;
  m: Messages;
}

const LocaleContext = createContext<LocaleValue | null>(null);

function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  }, [lang]);
  const value = useMemo<LocaleValue>(
    () => ({
      lang,
      m: lang === 'zh-CN' ? zh : en,
      setLang(next) {
        localStorage.setItem(STORAGE_KEY, next);
        setLangState(next);
      },
    }),
    [lang],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

export function useMessages(): Messages {
  return useLocale().m;
}

export interface Labels {
  label(set: EnumName, value: string | null | undefined): string;
  options(set: EnumName): { value: string; label: string }[];
}

/** Labels of coded values in the current language; unknown codes show as they are. */
export function useLabels(): Labels {
  const { lang } = useLocale();
  return useMemo<Labels>(() => {
    const table = (set: EnumName): Record<string, string> =>
      lang === 'zh-CN' ? (enumSets[set].labels as Record<string, string>) : (englishLabels[set] as Record<string, string>);
    return {
      label: (set, value) => (value == null ? '—' : (table(set)[value] ?? value)),
      options: (set) => Object.entries(table(set)).map(([value, label]) => ({ value, label })),
    };
  }, [lang]);
}
