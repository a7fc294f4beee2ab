// "如何从手机导出短信": what each common phone actually offers for getting SMS off it. Where
// the phone's own backup only restores onto a phone (no file this app can read), it says
// so and the way is screenshots. No menu paths we could not check: "在设置中搜索“备份”".
import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n';

const VENDORS = ['huawei', 'xiaomi', 'oppo', 'vivo', 'iphone'] as const;

export function SmsExportGuide({ onClose }: { onClose: () => void }) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="tl-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid="sms-guide"
    >
      <h2 id={`${id}-title`}>{t('claims.guide.title')}</h2>
      <p>{t('claims.guide.intro')}</p>
      {VENDORS.map((v) => (
        <section key={v} className="tl-guide-vendor" data-testid={`sms-guide-${v}`}>
          <h3>{t(`claims.guide.${v}.name`)}</h3>
          <p>{t(`claims.guide.${v}.offers`)}</p>
          <p>
            <strong>{t('claims.guide.way')}</strong>
            {t(`claims.guide.${v}.way`)}
          </p>
        </section>
      ))}
      <section className="tl-guide-vendor" data-testid="sms-guide-screenshots">
        <h3>{t('claims.guide.shots.title')}</h3>
        <ul>
          <li>{t('claims.guide.shots.whole')}</li>
          <li>{t('claims.guide.shots.sender')}</li>
          <li>{t('claims.guide.shots.original')}</li>
          <li>{t('claims.guide.shots.import')}</li>
        </ul>
      </section>
      <section className="tl-guide-vendor">
        <h3>{t('claims.guide.files.title')}</h3>
        <p>{t('claims.guide.files.text')}</p>
      </section>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} data-testid="sms-guide-close">
          {t('claims.guide.close')}
        </button>
      </div>
    </dialog>
  );
}
