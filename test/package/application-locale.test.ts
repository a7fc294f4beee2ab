// The wizard and the package list name a letter's type from the renderer's locale files;
// in Chinese it must read exactly as the letter itself does (TEMPLATE_TITLES).
import { describe, expect, it } from 'vitest';
import { TEMPLATE_TITLES, TEMPLATES } from '../../shared/pdf/model';
import zhCN from '../../renderer/locales/application/zh-CN.json';
import zhTW from '../../renderer/locales/application/zh-TW.json';
import en from '../../renderer/locales/application/en.json';

describe('application locale', () => {
  it('names every template, in zh-CN exactly as TEMPLATE_TITLES', () => {
    for (const tpl of TEMPLATES) {
      expect(zhCN.templates[tpl].title).toBe(TEMPLATE_TITLES[tpl]);
      expect(zhTW.templates[tpl].title).toBeTruthy();
      expect(en.templates[tpl].title).toBeTruthy();
    }
    expect(Object.keys(zhCN.templates).sort()).toEqual([...TEMPLATES].sort());
  });
});
