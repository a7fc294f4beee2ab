// What the account form shows beside the penalty rule: the product's own rules (a credit card's
// are not 花呗's), how overdue days are counted, and the confirm step for a daily rate above
// 0.1 % a day. Kept apart from AccountForm so the form itself changes little.
import type { Product } from '../../../../shared/case/kinds';
import type { OverdueConvention } from '../../../../shared/money/penalty';
import { percentLabel } from '../../../../shared/money/case-owed';
import { Money } from '../../../../shared/money/decimal';
import { useT } from '../../i18n';
import { SelectField } from '../case/fields';
import { percentText } from '../case/input';

/** The rules that apply to the product, with their sources as docs/domain.md states them. */
export function ProductRules({ product }: { product: Product }) {
  const t = useT();
  if (product !== 'credit-card') {
    const key = product === 'huabei' ? 'moneyRules.rules.huabei' : product === 'jiebei' ? 'moneyRules.rules.jiebei' : 'moneyRules.rules.other';
    return (
      <p className="help" data-testid="account-rules" data-product={product}>
        {t(key)}
      </p>
    );
  }
  return (
    <div className="help" data-testid="account-rules" data-product={product}>
      <p>
        <strong>{t('moneyRules.rules.cardTitle')}</strong>
      </p>
      <ul>
        <li>{t('moneyRules.rules.cardMinimum')}</li>
        <li>{t('moneyRules.rules.cardRate')}</li>
        <li>{t('moneyRules.rules.cardFees')}</li>
        <li>{t('moneyRules.rules.cardInstallments')}</li>
      </ul>
    </div>
  );
}

export function ConventionField({ id, value, onChange }: { id: string; value: OverdueConvention; onChange: (v: OverdueConvention) => void }) {
  const t = useT();
  return (
    <SelectField
      id={id}
      label={t('moneyRules.convention.label')}
      help={t('moneyRules.convention.help')}
      value={value}
      options={[
        { value: 'creditor', label: t('moneyRules.convention.creditor') },
        { value: 'inclusive', label: t('moneyRules.convention.inclusive') },
      ]}
      onChange={onChange}
      testId="account-convention"
    />
  );
}

/** The convention in the reader's words, for beside an overdue-day figure. */
export function useConventionText(): (c: OverdueConvention | undefined) => string {
  const t = useT();
  return (c) => t(c === 'inclusive' ? 'moneyRules.convention.inclusive' : 'moneyRules.convention.creditor');
}

/** Asks the person to check a daily rate above 0.1 % a day before it is saved. */
export function RateConfirm({ rate, onConfirm, onCancel }: { rate: string; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const annual = percentLabel(new Money(rate).times(365).toFixed(8));
  return (
    <div className="message message-warning" role="alertdialog" aria-labelledby="rate-confirm-title" data-testid="rate-confirm">
      <p id="rate-confirm-title">
        <strong>{t('moneyRules.rate.confirmTitle')}</strong>
      </p>
      <p>{t('moneyRules.rate.confirmText', { rate: percentText(rate), annual })}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onConfirm} data-testid="rate-confirm-yes">
          {t('moneyRules.rate.confirm', { rate: percentText(rate) })}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} data-testid="rate-confirm-no">
          {t('moneyRules.rate.change')}
        </button>
      </div>
    </div>
  );
}
