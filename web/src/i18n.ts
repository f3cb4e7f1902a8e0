import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { id } from './locales/id.ts';

export type Bahasa = 'id' | 'en';
const KUNCI = 'sikiper:bahasa';

function bahasaTersimpan(): Bahasa {
  try {
    return localStorage.getItem(KUNCI) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id };
  }
}

const awal = bahasaTersimpan();
document.documentElement.lang = awal;

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: awal,
  fallbackLng: 'id',
  // React escapes output itself.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function gantiBahasa(b: Bahasa): void {
  try {
    localStorage.setItem(KUNCI, b);
  } catch {
    // Without storage the choice lasts until the page is closed.
  }
  document.documentElement.lang = b;
  void i18n.changeLanguage(b);
}

export default i18n;
