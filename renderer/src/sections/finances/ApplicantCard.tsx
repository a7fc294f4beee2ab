// The applicant (for the written application). The ID number is masked wherever it is shown,
// and in its own field, unless the user asks to see it.
import { useState, type FormEvent } from 'react';
import type { CaseView } from '../../../../shared/contracts/case';
import { maskIdNumber } from '../../../../shared/case/mask';
import { idNumberProblem } from '../../../../shared/case/id-number';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { TextField } from '../case/fields';

export function ApplicantCard({ doc, run }: { doc: CaseView; run: (call: () => Promise<CaseView>) => Promise<CaseView> }) {
  const t = useT();
  const [a, setA] = useState(doc.applicant);
  const [showId, setShowId] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; error?: unknown } | null>(null);

  const idProblem = idNumberProblem(a.idNumber);
  const [idChecked, setIdChecked] = useState(false);
  async function save(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    // A wrong ID number is refused here, before anything is saved (GB 11643 check digit).
    if (idProblem) {
      setIdChecked(true);
      document.getElementById('applicant-id')?.focus();
      return;
    }
    try {
      const next = await run(() =>
        api().case.saveApplicant({
          applicant: { name: a.name.trim(), idNumber: a.idNumber.trim(), phone: a.phone.trim(), address: a.address.trim() },
        }),
      );
      setA(next.applicant);
      setResult({ ok: true });
    } catch (err) {
      setResult({ ok: false, error: err });
    }
  }
  const set = (k: keyof typeof a) => (v: string) => {
    setA((prev) => ({ ...prev, [k]: v }));
    setResult(null);
  };

  return (
    <section className="case-card" aria-labelledby="applicant-title" data-testid="applicant">
      <h2 id="applicant-title">{t('finances.applicant.title')}</h2>
      <p className="case-small">{t('finances.applicant.intro')}</p>
      <form onSubmit={save} noValidate>
        <div className="case-grid">
          <TextField id="applicant-name" label={t('finances.applicant.name')} value={a.name} onChange={set('name')} testId="applicant-name" width="medium" />
          <div className="field case-field">
            <label htmlFor="applicant-id" className="field-label">
              {t('finances.applicant.idNumber')}
            </label>
            <div className="passphrase-row">
              <input
                id="applicant-id"
                className="input case-input-medium"
                type={showId ? 'text' : 'password'}
                autoComplete="off"
                spellCheck={false}
                value={a.idNumber}
                onChange={(e) => set('idNumber')(e.target.value)}
                aria-describedby={idProblem ? 'applicant-id-problem applicant-id-masked' : 'applicant-id-masked'}
                aria-invalid={idProblem ? true : undefined}
                onBlur={() => setIdChecked(true)}
                data-testid="applicant-id"
              />
              <button type="button" className="button button-quiet" onClick={() => setShowId((s) => !s)} aria-controls="applicant-id" data-testid="applicant-id-toggle">
                {showId ? t('finances.applicant.hide') : t('finances.applicant.show')}
              </button>
            </div>
            <p className="help case-field-help" id="applicant-id-masked" data-testid="applicant-id-masked">
              {a.idNumber ? t('finances.applicant.masked', { id: maskIdNumber(a.idNumber) }) : t('finances.applicant.maskNote')}
            </p>
            {idProblem && (idChecked || a.idNumber.trim().length >= 18) && (
              <p className="field-error" id="applicant-id-problem" role="alert" data-testid="applicant-id-problem">
                {t(`checks.idNumber.${idProblem}`)}
              </p>
            )}
          </div>
          <TextField id="applicant-phone" label={t('finances.applicant.phone')} value={a.phone} onChange={set('phone')} testId="applicant-phone" kind="tel" width="medium" />
        </div>
        <TextField id="applicant-address" label={t('finances.applicant.address')} value={a.address} onChange={set('address')} testId="applicant-address" />
        {result?.ok && <Message kind="success">{t('finances.saved')}</Message>}
        {result && !result.ok && <Message kind="error">{errorText(t, result.error)}</Message>}
        <button type="submit" className="button" data-testid="applicant-save">
          {t('finances.applicant.save')}
        </button>
      </form>
    </section>
  );
}
