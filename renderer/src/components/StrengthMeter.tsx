// Shows the estimate of shared/passphrase-strength.ts: four bars, a level and a hint.
import { useMemo } from 'react';
import { estimatePassphraseStrength } from '../../../shared/passphrase-strength';
import { useT } from '../i18n';

export interface StrengthMeterProps {
  passphrase: string;
  minLength: number;
  id?: string;
}

export function StrengthMeter({ passphrase, minLength, id }: StrengthMeterProps) {
  const t = useT();
  const result = useMemo(() => estimatePassphraseStrength(passphrase, minLength), [passphrase, minLength]);
  const level = t(`strength.level.${result.score}`);
  const filled = result.score === 0 ? (result.length > 0 ? 1 : 0) : result.score;
  return (
    <div className={`strength strength-level-${result.score}`} id={id} data-testid="strength-meter" data-score={result.score} data-hint={result.hint}>
      <div className="strength-bars" role="meter" aria-label={t('strength.label')} aria-valuemin={0} aria-valuemax={4} aria-valuenow={result.score} aria-valuetext={level}>
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= filled ? 'strength-bar is-filled' : 'strength-bar'} />
        ))}
      </div>
      <p className="strength-text" aria-live="polite">
        {result.length > 0 && <strong className="strength-value">{t('strength.value', { level })}</strong>} <span>{t(`strength.hint.${result.hint}`)}</span>
      </p>
    </div>
  );
}
