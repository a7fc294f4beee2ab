// Balance snapshots copied from the creditor's bills, each linked to its evidence: the
// creditor's own figures, kept beside the app's.
import { useState, type FormEvent } from 'react';
import type { Account } from '../../../../shared/case/schema';
import type { CaseView } from '../../../../shared/contracts/case';
import { partsTotal } from '../../../../shared/money/case-owed';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { TextField } from '../case/fields';
import { DateField } from '../../components/DateField';
import { EvidenceNames, EvidencePicker } from '../../components/EvidencePicker';
import { useEvidenceIndex } from '../../components/useEvidenceIndex';
import { checkAmount, checkDate, yuan } from '../case/input';

const EMPTY = { date: '', principal: '', interest: '', penalty: '', fees: '', evidenceId: '' };
type Draft = typeof EMPTY;

export function SnapshotList({ doc, account, run }: { doc: CaseView; account: Account; run: (call: () => Promise<CaseView>) => Promise<CaseView> }) {
  const t = useT();
  const evidence = useEvidenceIndex();
  const rows = doc.snapshots.filter((s) => s.accountId === account.id);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const prefix = `snapshot-${account.id}`;

  async function add(e: FormEvent) {
    e.preventDefault();
    const date = checkDate(draft.date, t('debts.snapshot.date'), { when: 'past' });
    const amounts = (['principal', 'interest', 'penalty', 'fees'] as const).map((k) => [k, checkAmount(draft[k], t(`debts.parts.${k}`), { emptyIsZero: true })] as const);
    const next: typeof errors = {};
    if (!date.ok) next.date = date.error;
    for (const [k, r] of amounts) if (!r.ok) next[k] = r.error;
    setErrors(next);
    if (!date.ok || amounts.some(([, r]) => !r.ok)) return;
    const value = (k: 'principal' | 'interest' | 'penalty' | 'fees') => {
      const r = amounts.find(([key]) => key === k)![1];
      return r.ok ? r.value : '0.00';
    };
    try {
      setFailure(null);
      await run(() =>
        api().case.saveSnapshot({
          snapshot: {
            accountId: account.id,
            date: date.value as string,
            principal: value('principal'),
            interest: value('interest'),
            penalty: value('penalty'),
            fees: value('fees'),
            evidenceId: draft.evidenceId.trim() || null,
            note: '',
          },
        }),
      );
      setDraft(EMPTY);
    } catch (err) {
      setFailure(err);
    }
  }

  const field = (k: keyof Draft) => ({
    id: `${prefix}-${k}`,
    value: draft[k],
    onChange: (v: string) => setDraft((d) => ({ ...d, [k]: v })),
    error: errors[k],
    testId: `snapshot-${k}`,
  });

  return (
    <details className="case-details" data-testid="account-snapshots">
      <summary>{t('debts.snapshot.title', { n: rows.length })}</summary>
      <p className="case-small">{t('debts.snapshot.intro')}</p>
      {rows.length > 0 && (
        <table className="case-table">
          <thead>
            <tr>
              <th scope="col">{t('debts.snapshot.date')}</th>
              <th scope="col" className="num">
                {t('debts.parts.principal')}
              </th>
              <th scope="col" className="num">
                {t('debts.parts.interest')}
              </th>
              <th scope="col" className="num">
                {t('debts.parts.penalty')}
              </th>
              <th scope="col" className="num">
                {t('debts.parts.fees')}
              </th>
              <th scope="col" className="num">
                {t('debts.parts.total')}
              </th>
              <th scope="col">{t('debts.snapshot.evidence')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('debts.account.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td>{s.date}</td>
                <td className="num">{yuan(s.principal)}</td>
                <td className="num">{yuan(s.interest)}</td>
                <td className="num">{yuan(s.penalty)}</td>
                <td className="num">{yuan(s.fees)}</td>
                <td className="num">{yuan(partsTotal(s))}</td>
                <td>
                  <EvidenceNames ids={s.evidenceId ? [s.evidenceId] : []} index={evidence} />
                </td>
                <td>
                  <button type="button" className="button button-quiet" onClick={() => void run(() => api().case.deleteSnapshot({ id: s.id })).catch(setFailure)}>
                    {t('debts.account.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} noValidate aria-label={t('debts.snapshot.add')}>
        <div className="case-grid">
          <DateField {...field('date')} label={t('debts.snapshot.date')} when="past" />
          <TextField {...field('principal')} label={t('debts.parts.principal')} kind="decimal" />
          <TextField {...field('interest')} label={t('debts.parts.interest')} kind="decimal" placeholder="0.00" />
          <TextField {...field('penalty')} label={t('debts.parts.penalty')} kind="decimal" placeholder="0.00" />
          <TextField {...field('fees')} label={t('debts.parts.fees')} kind="decimal" placeholder="0.00" />
        </div>
        <EvidencePicker
          label={t('debts.snapshot.evidenceInput')}
          testId="snapshot-evidence"
          multiple={false}
          index={evidence}
          value={draft.evidenceId ? [draft.evidenceId] : []}
          onChange={(ids) => setDraft((d) => ({ ...d, evidenceId: ids[0] ?? '' }))}
        />
        {failure !== null && <Message kind="error">{errorText(t, failure)}</Message>}
        <button type="submit" className="button" data-testid="snapshot-save">
          {t('debts.snapshot.add')}
        </button>
      </form>
    </details>
  );
}
