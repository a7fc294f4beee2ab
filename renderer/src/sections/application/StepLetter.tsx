// Step 1: which letter, to whom, about which accounts, on which plan, dated when.
import type { PackageDraft } from '../../../../shared/contracts/package';
import { TEMPLATES, type Template } from '../../../../shared/pdf/model';
import { useT } from '../../i18n';
import type { DraftQuery } from './useDraft';
import { HelpPointer } from '../help/HelpPointer';

export function StepLetter({ query, draft, onChange }: { query: DraftQuery; draft: PackageDraft | null; onChange: (next: DraftQuery) => void }) {
  const t = useT();
  const choices = draft?.choices;
  const chosenAccounts = new Set(query.accountIds ?? draft?.chosen.accountIds ?? []);
  const creditorId = query.creditorId ?? draft?.chosen.creditorId ?? '';
  const planId = query.planId ?? draft?.chosen.planId ?? '';

  const toggleAccount = (id: string, on: boolean) => {
    const next = new Set(chosenAccounts);
    if (on) next.add(id);
    else next.delete(id);
    onChange({ ...query, accountIds: [...next] });
  };

  return (
    <div className="pkg-step" data-testid="pkg-step-letter">
      <fieldset className="case-card pkg-templates">
        <legend className="pkg-legend">{t('application.letter.templateLegend')}</legend>
        <div className="pkg-template-grid" role="radiogroup" aria-label={t('application.letter.templateLegend')}>
          {TEMPLATES.map((tpl: Template) => (
            <label key={tpl} className={`pkg-template ${query.template === tpl ? 'pkg-template-on' : ''}`} data-testid={`pkg-template-${tpl}`}>
              <input type="radio" name="pkg-template" value={tpl} checked={query.template === tpl} onChange={() => onChange({ ...query, template: tpl })} />
              <span className="pkg-template-title">{t(`application.templates.${tpl}.title`)}</span>
              <span className="pkg-template-desc">{t(`application.templates.${tpl}.desc`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="case-card pkg-addressee">
        <div className="case-two">
          <label className="case-field">
            <span className="field-label">{t('application.letter.date')}</span>
            <input
              className="input case-input-medium"
              type="date"
              value={query.date}
              required
              data-testid="pkg-date"
              onChange={(e) => e.target.value && onChange({ ...query, date: e.target.value })}
            />
            <span className="help case-field-help">{t('application.letter.dateHelp')}</span>
          </label>
          <label className="case-field">
            <span className="field-label">
              {t(query.template === 'complaint' || query.template === 'mediation' ? 'application.letter.respondent' : 'application.letter.creditor')}
            </span>
            <select
              className="select"
              value={creditorId}
              data-testid="pkg-creditor"
              disabled={!choices || choices.creditors.length === 0}
              onChange={(e) => {
                const { accountIds: _drop, ...rest } = query;
                onChange({ ...rest, creditorId: e.target.value });
              }}
            >
              {choices?.creditors.length === 0 && <option value="">{t('application.letter.noCreditors')}</option>}
              {choices?.creditors.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        </div>

        {choices && choices.accounts.length > 0 && (
          <fieldset className="case-fieldset">
            <legend className="field-label">{t('application.letter.accounts')}</legend>
            <p className="help">{t('application.letter.accountsHelp')}</p>
            <ul className="pkg-checklist">
              {choices.accounts.map((a) => (
                <li key={a.id}>
                  <label className="checkbox-row">
                    <input
                      type="checkbox"
                      className="checkbox"
                      checked={chosenAccounts.has(a.id)}
                      onChange={(e) => toggleAccount(a.id, e.target.checked)}
                      data-testid={`pkg-account-${a.id}`}
                    />
                    <span>
                      {a.label}
                      <span className="case-small"> · {choices.creditors.find((c) => c.id === a.creditorId)?.name ?? ''}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}

        {choices && choices.plans.length > 0 && query.template !== 'complaint' && (
          <label className="case-field">
            <span className="field-label">{t('application.letter.plan')}</span>
            <select className="select" value={planId} data-testid="pkg-plan" onChange={(e) => onChange({ ...query, planId: e.target.value })}>
              {choices.plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.role === 'offer' ? ` · ${t('application.letter.offer')}` : ''}
                </option>
              ))}
            </select>
            <span className="help case-field-help">{t('application.letter.planHelp')}</span>
          </label>
        )}
        {choices && choices.plans.length === 0 && query.template !== 'complaint' && <p className="help">{t('application.letter.noPlans')}</p>}
      </div>
      <HelpPointer template={query.template} />
    </div>
  );
}
