// 【示例】 before the document title (and so the window title) while the demo is open.
// i18n resets the title on a language change; this effect runs again after it.
import { useEffect } from 'react';
import { useT } from '../i18n';

export function useSampleTitle(sample: boolean): void {
  const t = useT();
  useEffect(() => {
    if (!sample) return undefined;
    document.title = `${t('demo.titlePrefix')}${t('app.title')}`;
    return () => {
      document.title = t('app.title');
    };
  }, [sample, t]);
}
