// The category from what OCR read: an SMS list → 短信, a chat → 聊天截图, for pictures whose
// names say nothing (IMG_…); other pictures with text keep the text rules; no text → 其他.
import { describe, it, expect } from 'vitest';
import { guessCategory, screenKindOfText } from '../../shared/evidence/guess';

const img = (text: string | null) => guessCategory({ name: 'IMG_20261018_224100.jpg', kind: 'image', mime: 'image/jpeg', text });

describe('category from recognised screen text', () => {
  it('an SMS list (sender numbers, 【签名】) is 短信', () => {
    const text = '09:15\n信息\n95188\n10月18日\n【支付宝】您的花呗本月账单3,256.78元已逾期，请尽快还款。\n106575550123\n昨天\n【借呗】您尚欠款项12,000.00元。';
    expect(screenKindOfText(text)).toBe('sms');
    expect(img(text)).toBe('sms');
    // Two signatures alone are enough (a list cropped without its senders).
    expect(img('【招商银行】您尾号8841信用卡本期应还5,621.09元。\n【工商银行】您的账户支出人民币1,500.00元。')).toBe('sms');
  });

  it('a chat (a time header and sentences) is 聊天截图, even when it talks about bills and collection', () => {
    const text = '22:41\n花呗客服\n昨天22:41\n您好，您的花呗账单已逾期第15日，剩余应还金额¥3,256.78元。\n我目前收入中断，申请停息挂账，分60期还款。';
    expect(screenKindOfText(text)).toBe('chat');
    expect(img(text)).toBe('chat_screenshot');
    expect(img('10月18日 09:07\n我是律师事务所的，你的借呗已经移交法务处理了。\n请出示委托书和工号，我只和平台协商。')).toBe('chat_screenshot');
  });

  it('a photographed document keeps the text rules; a picture without text stays 其他', () => {
    expect(screenKindOfText('收入证明\n兹证明张三在本公司工作，月收入3000元。')).toBeNull();
    expect(img('收入证明\n兹证明张三在本公司工作，月收入3000元。')).toBe('income_proof');
    expect(img(null)).toBe('other');
    expect(img('')).toBe('other');
    // A name that says what it is still wins.
    expect(guessCategory({ name: '借款合同.jpg', kind: 'image', mime: 'image/jpeg', text: '09:15\n信息\n95188\n10086' })).toBe('contract');
  });
});
