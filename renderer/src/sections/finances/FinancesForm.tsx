// The financial statement, in the shape of the UK Standard Financial Statement adapted to
// China: household, income, fixed costs, flexible costs, other debts (priority or not),
// assets that could be sold, and an optional reference figure the user chooses. The sums
// update as the user types; each figure may carry the number of its proof in the vault.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useUnsavedChanges } from '../../lib/unsaved';
import { EMPLOYMENT, FIXED_COST_CATEGORIES, FLEXIBLE_COST_CATEGORIES, HOUSING, INCOME_CATEGORIES } from '../../../../shared/case/kinds';
import type { CaseView } from '../../../../shared/contracts/case';
import { useT, type TKey } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { CheckboxField, SelectField, TextField } from '../case/fields';
import { DateField } from '../../components/DateField';
import { EvidencePicker } from '../../components/EvidencePicker';
import { useEvidenceIndex } from '../../components/useEvidenceIndex';
import { draftFrom, newKey, readDraft, type AssetRow, type DebtRow, type Draft, type ItemRow, type Section } from './draft';
import { FinanceSummary } from './FinanceSummary';

const CATEGORIES: Record<Section, readonly string[]> = {
  income: INCOME_CATEGORIES,
  fixed: FIXED_COST_CATEGORIES,
  flexible: FLEXIBLE_COST_CATEGORIES,
};

export function FinancesForm({ doc, run }: { doc: CaseView; run: (call: () => Promise<CaseView>) => Promise<CaseView> }) {
  const t = useT();
  const evidenceIndex = useEvidenceIndex();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(doc.finances));
  // What was last loaded or saved: any other draft is unsaved work.
  const [baseline, setBaseline] = useState<Draft>(draft);
  useUnsavedChanges(draft !== baseline);
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; error?: unknown } | null>(null);
  const reading = readDraft(draft, t);
  const err = (key: string) => (tried || shown[key] ? reading.errors[key] : undefined);
  const touch = (key: string) => () => setShown((s) => ({ ...s, [key]: true }));
  const update = (fn: (d: Draft) => Draft) => {
    setDraft(fn);
    setResult(null);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setResult(null);
    if (!reading.finances) return;
    const finances = reading.finances;
    setBusy(true);
    try {
      const next = await run(() => api().case.saveFinances({ finances }));
      const saved = draftFrom(next.finances);
      setDraft(saved);
      setBaseline(saved);
      setTried(false);
      setShown({});
      setResult({ ok: true });
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setBusy(false);
    }
  }

  const evidenceField = (value: string, onChange: (id: string) => void, testId: string) => (
    <EvidencePicker label={t('finances.evidence')} testId={testId} multiple={false} index={evidenceIndex} value={value ? [value] : []} onChange={(ids) => onChange(ids[0] ?? '')} />
  );

  const itemSection = (section: Section, rows: ItemRow[], key: 'income' | 'fixed' | 'flexible') => {
    const setRow = (i: number, patch: Partial<ItemRow>) => update((d) => ({ ...d, [key]: d[key].map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
    return (
      <fieldset className="case-fieldset" data-testid={`finance-${section}`}>
        <legend>{t(`finances.${section}.title`)}</legend>
        <p className="help">{t(`finances.${section}.help`)}</p>
        <ul className="case-rows">
          {rows.map((r, i) => (
            <li key={r.key}>
              <SelectField
                id={`fin-${section}-${r.key}-category`}
                label={t('finances.category')}
                value={r.category}
                options={CATEGORIES[section].map((c) => ({ value: c, label: t(`finances.${section}.cat.${c}` as TKey) }))}
                onChange={(v) => setRow(i, { category: v })}
                testId={`finance-${section}-${i}-category`}
              />
              <TextField
                id={`fin-${section}-${r.key}-label`}
                label={t('finances.label')}
                value={r.label}
                onChange={(v) => setRow(i, { label: v })}
                testId={`finance-${section}-${i}-label`}
                width="medium"
              />
              <TextField
                id={`fin-${section}-${r.key}-monthly`}
                label={t('finances.monthly')}
                value={r.monthly}
                onChange={(v) => setRow(i, { monthly: v })}
                onBlur={touch(`${section}.${i}.monthly`)}
                error={err(`${section}.${i}.monthly`)}
                testId={`finance-${section}-${i}-monthly`}
                kind="decimal"
                unit={t('finances.perMonth')}
              />
              {section === 'income' && (
                <DateField
                  id={`fin-${section}-${r.key}-until`}
                  label={t('finances.until')}
                  help={t('finances.untilHelp')}
                  value={r.until}
                  onChange={(v) => setRow(i, { until: v })}
                  error={err(`${section}.${i}.until`)}
                  when="future"
                  testId={`finance-${section}-${i}-until`}
                />
              )}
              {evidenceField(r.evidenceId, (v) => setRow(i, { evidenceId: v }), `finance-${section}-${i}-evidence`)}
              <button
                type="button"
                className="button button-quiet case-row-remove"
                onClick={() => update((d) => ({ ...d, [key]: d[key].filter((_, j) => j !== i) }))}
                aria-label={t('finances.removeRow', { n: i + 1 })}
                data-testid={`finance-${section}-${i}-remove`}
              >
                {t('finances.remove')}
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="button"
          onClick={() =>
            update((d) => ({
              ...d,
              [key]: [...d[key], { key: newKey(), category: CATEGORIES[section][0]!, label: '', monthly: '', evidenceId: '', note: '', from: null, until: '' }],
            }))
          }
          data-testid={`finance-${section}-add`}
        >
          {t(`finances.${section}.add`)}
        </button>
      </fieldset>
    );
  };

  const setDebt = (i: number, patch: Partial<DebtRow>) => update((d) => ({ ...d, debts: d.debts.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const setAsset = (i: number, patch: Partial<AssetRow>) => update((d) => ({ ...d, assets: d.assets.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const option = (prefix: string, values: readonly string[]) => [
    { value: '', label: t('finances.choose') },
    ...values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as TKey) })),
  ];
  const removeButton = (onClick: () => void, n: number, testId: string): ReactNode => (
    <button type="button" className="button button-quiet case-row-remove" onClick={onClick} aria-label={t('finances.removeRow', { n })} data-testid={testId}>
      {t('finances.remove')}
    </button>
  );

  return (
    <>
      <FinanceSummary figures={reading.figures} reference={doc.finances.reference} pending={!reading.finances} />
      <form className="case-card" onSubmit={save} noValidate aria-labelledby="finances-form-title" data-testid="finances-form">
        <h2 id="finances-form-title">{t('finances.formTitle')}</h2>
        <p className="case-small">{t('finances.formIntro')}</p>
        <fieldset className="case-fieldset">
          <legend>{t('finances.household.title')}</legend>
          <div className="case-grid">
            <TextField
              id="fin-adults"
              label={t('finances.household.adults')}
              value={draft.adults}
              onChange={(v) => update((d) => ({ ...d, adults: v }))}
              error={err('adults')}
              onBlur={touch('adults')}
              testId="finance-adults"
              kind="count"
            />
            <TextField
              id="fin-dependants"
              label={t('finances.household.dependants')}
              value={draft.dependants}
              onChange={(v) => update((d) => ({ ...d, dependants: v }))}
              error={err('dependants')}
              onBlur={touch('dependants')}
              testId="finance-dependants"
              kind="count"
            />
            <SelectField
              id="fin-housing"
              label={t('finances.household.housing')}
              value={draft.housing}
              options={option('finances.household.housingKind', HOUSING)}
              onChange={(v) => update((d) => ({ ...d, housing: v }))}
              testId="finance-housing"
            />
            <SelectField
              id="fin-employment"
              label={t('finances.household.employment')}
              value={draft.employment}
              options={option('finances.household.employmentKind', EMPLOYMENT)}
              onChange={(v) => update((d) => ({ ...d, employment: v }))}
              testId="finance-employment"
            />
          </div>
        </fieldset>
        {itemSection('income', draft.income, 'income')}
        {itemSection('fixed', draft.fixed, 'fixed')}
        {itemSection('flexible', draft.flexible, 'flexible')}
        <fieldset className="case-fieldset" data-testid="finance-debts">
          <legend>{t('finances.debts.title')}</legend>
          <p className="help">{t('finances.debts.help')}</p>
          <ul className="case-rows">
            {draft.debts.map((r, i) => (
              <li key={r.key}>
                <TextField
                  id={`fin-debt-${r.key}-creditor`}
                  label={t('finances.debts.creditor')}
                  value={r.creditor}
                  onChange={(v) => setDebt(i, { creditor: v })}
                  onBlur={touch(`debts.${i}.creditor`)}
                  error={err(`debts.${i}.creditor`)}
                  testId={`finance-debt-${i}-creditor`}
                  width="medium"
                />
                <CheckboxField
                  id={`fin-debt-${r.key}-priority`}
                  label={t('finances.debts.priority')}
                  checked={r.priority}
                  onChange={(v) => setDebt(i, { priority: v })}
                  testId={`finance-debt-${i}-priority`}
                />
                <TextField
                  id={`fin-debt-${r.key}-owed`}
                  label={t('finances.debts.owed')}
                  value={r.owed}
                  onChange={(v) => setDebt(i, { owed: v })}
                  onBlur={touch(`debts.${i}.owed`)}
                  error={err(`debts.${i}.owed`)}
                  testId={`finance-debt-${i}-owed`}
                  kind="decimal"
                />
                <TextField
                  id={`fin-debt-${r.key}-monthly`}
                  label={t('finances.debts.monthly')}
                  value={r.monthly}
                  onChange={(v) => setDebt(i, { monthly: v })}
                  onBlur={touch(`debts.${i}.monthly`)}
                  error={err(`debts.${i}.monthly`)}
                  testId={`finance-debt-${i}-monthly`}
                  kind="decimal"
                  unit={t('finances.perMonth')}
                />
                {evidenceField(r.evidenceId, (v) => setDebt(i, { evidenceId: v }), `finance-debt-${i}-evidence`)}
                {removeButton(() => update((d) => ({ ...d, debts: d.debts.filter((_, j) => j !== i) })), i + 1, `finance-debt-${i}-remove`)}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button"
            onClick={() => update((d) => ({ ...d, debts: [...d.debts, { key: newKey(), creditor: '', priority: false, owed: '', monthly: '', evidenceId: '', note: '' }] }))}
            data-testid="finance-debt-add"
          >
            {t('finances.debts.add')}
          </button>
        </fieldset>
        <fieldset className="case-fieldset" data-testid="finance-assets">
          <legend>{t('finances.assets.title')}</legend>
          <p className="help">{t('finances.assets.help')}</p>
          <ul className="case-rows">
            {draft.assets.map((r, i) => (
              <li key={r.key}>
                <TextField
                  id={`fin-asset-${r.key}-label`}
                  label={t('finances.assets.label')}
                  value={r.label}
                  onChange={(v) => setAsset(i, { label: v })}
                  onBlur={touch(`assets.${i}.label`)}
                  error={err(`assets.${i}.label`)}
                  testId={`finance-asset-${i}-label`}
                  width="medium"
                />
                <TextField
                  id={`fin-asset-${r.key}-value`}
                  label={t('finances.assets.value')}
                  value={r.value}
                  onChange={(v) => setAsset(i, { value: v })}
                  onBlur={touch(`assets.${i}.value`)}
                  error={err(`assets.${i}.value`)}
                  testId={`finance-asset-${i}-value`}
                  kind="decimal"
                />
                {evidenceField(r.evidenceId, (v) => setAsset(i, { evidenceId: v }), `finance-asset-${i}-evidence`)}
                {removeButton(() => update((d) => ({ ...d, assets: d.assets.filter((_, j) => j !== i) })), i + 1, `finance-asset-${i}-remove`)}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button"
            onClick={() => update((d) => ({ ...d, assets: [...d.assets, { key: newKey(), label: '', value: '', evidenceId: '', note: '' }] }))}
            data-testid="finance-asset-add"
          >
            {t('finances.assets.add')}
          </button>
        </fieldset>
        <fieldset className="case-fieldset">
          <legend>{t('finances.reference.title')}</legend>
          <p className="help">{t('finances.reference.help')}</p>
          <div className="case-grid">
            <TextField
              id="fin-ref-label"
              label={t('finances.reference.label')}
              value={draft.refLabel}
              onChange={(v) => update((d) => ({ ...d, refLabel: v }))}
              error={err('refLabel')}
              testId="finance-ref-label"
              width="medium"
            />
            <TextField
              id="fin-ref-amount"
              label={t('finances.reference.amount')}
              value={draft.refAmount}
              onChange={(v) => update((d) => ({ ...d, refAmount: v }))}
              onBlur={touch('refAmount')}
              error={err('refAmount')}
              testId="finance-ref-amount"
              kind="decimal"
              unit={t('finances.perMonth')}
            />
            <TextField
              id="fin-ref-source"
              label={t('finances.reference.source')}
              value={draft.refSource}
              onChange={(v) => update((d) => ({ ...d, refSource: v }))}
              testId="finance-ref-source"
              width="medium"
            />
          </div>
        </fieldset>
        {tried && !reading.finances && <Message kind="error">{t('finances.fixErrors')}</Message>}
        {result?.ok && (
          <Message kind="success" testId="finances-saved">
            {t('finances.saved')}
          </Message>
        )}
        {result && !result.ok && <Message kind="error">{errorText(t, result.error)}</Message>}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="finances-save">
            {busy ? t('finances.saving') : t('finances.save')}
          </button>
        </div>
      </form>
    </>
  );
}
