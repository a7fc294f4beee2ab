// Step 4: the handwritten signature (kept in the vault, shown in the signature block) and
// the digital signature (the vault's own certificate in the applicant's name: it proves the
// file was not changed after signing; it is self-signed, so it does not prove identity).
import { useT } from '../../i18n';
import { SignatureEditor } from './SignatureEditor';

export function StepSign({
  digital,
  onDigital,
  useHand,
  onUseHand,
  hasHand,
  onHasHand,
  fingerprint,
}: {
  digital: boolean;
  onDigital: (v: boolean) => void;
  useHand: boolean;
  onUseHand: (v: boolean) => void;
  hasHand: boolean;
  onHasHand: (v: boolean) => void;
  fingerprint: string | null;
}) {
  const t = useT();
  return (
    <div className="pkg-step" data-testid="pkg-step-sign">
      <section className="case-card" aria-labelledby="pkg-hand-title">
        <h2 id="pkg-hand-title">{t('application.sign.hand')}</h2>
        <p className="help">{t('application.sign.handHelp')}</p>
        <SignatureEditor onChange={onHasHand} />
        <label className="checkbox-row">
          <input type="checkbox" className="checkbox" checked={useHand && hasHand} disabled={!hasHand} onChange={(e) => onUseHand(e.target.checked)} data-testid="pkg-use-hand" />
          <span>{hasHand ? t('application.sign.useHand') : t('application.sign.noHand')}</span>
        </label>
      </section>
      <section className="case-card" aria-labelledby="pkg-digital-title">
        <h2 id="pkg-digital-title">{t('application.sign.digital')}</h2>
        <label className="checkbox-row">
          <input type="checkbox" className="checkbox" checked={digital} onChange={(e) => onDigital(e.target.checked)} data-testid="pkg-digital" />
          <span>{t('application.sign.digitalOn')}</span>
        </label>
        <p className="help">{t('application.sign.digitalHelp')}</p>
        {fingerprint && (
          <p className="case-small pkg-fingerprint" data-testid="pkg-fingerprint">
            {t('application.sign.fingerprint')} <code>{fingerprint}</code>
          </p>
        )}
      </section>
    </div>
  );
}
