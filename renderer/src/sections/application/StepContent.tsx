// Step 2: every section of the letter, pre-filled from the vault. Figures come from 债务,
// 财务 and 方案 (change them there; a link goes to each); the wording is editable here, and
// a box the user never touched shows exactly what will be printed.
import type { PackageDraftModel } from '../../../../shared/contracts/package';
import { daxie } from '../../../../shared/money/daxie';
import { formatMoneyGrouped } from '../../../../shared/money/decimal';
import { maskId, sum } from '../../../../shared/pdf/format';
import { useT, type TKey } from '../../i18n';
import { useNavigate } from '../../lib/navigate';
import { addresseeKinds, currentAddresseeKind, withAddresseeKind, fieldDefault, fieldValue, templateParts, type EditableField, type Edits } from './wizard-state';
import type { AddresseeKind } from '../../../../shared/pdf/address';

interface Props {
  /** The draft with the edits applied (what will be printed). */
  draft: PackageDraftModel;
  /** The draft as main filled it: what an untouched box follows. */
  base: PackageDraftModel;
  edits: Edits;
  onEdits: (next: Edits) => void;
  showFullId: boolean;
  onShowFullId: (v: boolean) => void;
  /** What the user should know before signing (offers over the shared capacity …). */
  warnings?: readonly string[];
}

function EditableText({
  base,
  edits,
  onEdits,
  field,
  label,
  help,
  rows = 4,
}: Omit<Props, 'showFullId' | 'onShowFullId' | 'draft' | 'warnings'> & { field: EditableField; label: string; help?: string; rows?: number }) {
  const t = useT();
  const id = `pkg-field-${field}`;
  const touched = edits[field] !== undefined && edits[field] !== fieldDefault(withAddresseeKind(base, edits), field);
  return (
    <div className="case-field pkg-text">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {help && (
        <p className="help case-field-help" id={`${id}-help`}>
          {help}
        </p>
      )}
      <textarea
        id={id}
        className="input case-textarea"
        rows={rows}
        value={fieldValue(base, edits, field)}
        aria-describedby={help ? `${id}-help` : undefined}
        data-testid={id}
        onChange={(e) => onEdits({ ...edits, [field]: e.target.value })}
      />
      {touched && (
        <button type="button" className="button button-quiet pkg-reset" onClick={() => onEdits({ ...edits, [field]: undefined })} data-testid={`${id}-reset`}>
          {t('application.content.reset')}
        </button>
      )}
    </div>
  );
}

export function StepContent(props: Props) {
  const t = useT();
  const goTo = useNavigate();
  const { draft } = props;
  const parts = templateParts(draft.template);
  const a = draft.applicant;
  const total = sum(draft.accounts.flatMap((x) => [x.principal, x.interest, x.penalty, x.fees]));
  const schedule = draft.proposal?.schedule ?? [];
  const planTotal = sum(schedule.map((r) => r.amount));
  const fix = (section: 'finances' | 'debts' | 'plan' | 'timeline', key: TKey) => (
    <button type="button" className="button button-quiet pkg-fix" onClick={() => goTo(section)}>
      {t(key)}
    </button>
  );

  return (
    <div className="pkg-step" data-testid="pkg-step-content">
      <section className="case-card" aria-labelledby="pkg-applicant-title">
        <div className="pkg-card-head">
          <h2 id="pkg-applicant-title">{t('application.content.applicant')}</h2>
          {fix('finances', 'application.content.editInFinances')}
        </div>
        <dl className="pkg-facts" data-testid="pkg-applicant">
          <dt>{t('application.content.name')}</dt>
          <dd>{a.name || <em className="pkg-missing-inline">{t('application.content.notFilled')}</em>}</dd>
          <dt>{t('application.content.idNumber')}</dt>
          <dd>{a.idNumber ? (props.showFullId ? a.idNumber : maskId(a.idNumber)) : '—'}</dd>
          <dt>{t('application.content.phone')}</dt>
          <dd>{a.phone ?? '—'}</dd>
          <dt>{t('application.content.address')}</dt>
          <dd>{a.address ?? '—'}</dd>
        </dl>
        {a.idNumber && (
          <label className="checkbox-row">
            <input type="checkbox" className="checkbox" checked={props.showFullId} onChange={(e) => props.onShowFullId(e.target.checked)} data-testid="pkg-full-id" />
            <span>{t('application.content.showFullId')}</span>
          </label>
        )}
      </section>

      {props.warnings && props.warnings.length > 0 && (
        <section className="case-card pkg-warnings" role="alert" data-testid="pkg-warnings">
          <p className="field-label">{t('application.content.warnings')}</p>
          <ul>
            {props.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}

      {parts.addressee && (
        <section className="case-card">
          {parts.recipient && <EditableText {...props} field="recipient" label={t('application.content.recipient')} help={t('application.content.recipientHelp')} rows={2} />}
          <label className="case-field">
            <span className="field-label">{t('application.content.addresseeKind')}</span>
            <select
              className="select"
              value={currentAddresseeKind(draft)}
              data-testid="pkg-addressee-kind"
              onChange={(e) => props.onEdits({ ...props.edits, addresseeKind: e.target.value as AddresseeKind })}
            >
              {[...new Set([currentAddresseeKind(draft), ...addresseeKinds(draft.template)])].map((k) => (
                <option key={k} value={k}>
                  {t(`application.content.kinds.${k}`)}
                </option>
              ))}
            </select>
            <span className="help case-field-help">{t('application.content.addresseeKindHelp')}</span>
          </label>
        </section>
      )}

      {parts.agreement && (
        <section className="case-card">
          <EditableText {...props} field="agreementTerms" label={t('application.content.agreementTerms')} help={t('application.content.agreementTermsHelp')} rows={5} />
        </section>
      )}

      <section className="case-card" aria-labelledby="pkg-accounts-title">
        <div className="pkg-card-head">
          <h2 id="pkg-accounts-title">{t('application.content.arrears', { date: draft.date })}</h2>
          {fix('debts', 'application.content.editInDebts')}
        </div>
        {draft.accounts.length === 0 ? (
          <p className="help">{t('application.content.noAccounts')}</p>
        ) : (
          <table className="case-table" data-testid="pkg-accounts">
            <thead>
              <tr>
                <th scope="col">{t('application.content.account')}</th>
                <th scope="col">{t('application.content.principal')}</th>
                <th scope="col">{t('application.content.interest')}</th>
                <th scope="col">{t('application.content.penalty')}</th>
                <th scope="col">{t('application.content.fees')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.accounts.map((x, i) => (
                <tr key={i}>
                  <th scope="row">
                    {x.label}
                    {x.overdueDays !== undefined && (
                      <span className="case-small">
                        {' '}
                        · {t('application.content.overdueDays', { days: x.overdueDays })}
                        {x.overdueRule ? `（${x.overdueRule}）` : ''}
                      </span>
                    )}
                  </th>
                  <td>{formatMoneyGrouped(x.principal)}</td>
                  <td>{formatMoneyGrouped(x.interest)}</td>
                  <td>{formatMoneyGrouped(x.penalty)}</td>
                  <td>{formatMoneyGrouped(x.fees)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {draft.accounts.length > 0 && (
          <p className="pkg-total" data-testid="pkg-total">
            {t('application.content.total', { amount: formatMoneyGrouped(total), daxie: daxie(total) })}
          </p>
        )}
      </section>

      {parts.hardship && (
        <section className="case-card">
          <EditableText {...props} field="hardshipReason" label={t('application.content.hardship')} help={t('application.content.hardshipHelp')} rows={5} />
        </section>
      )}

      {parts.proposal && (
        <section className="case-card" aria-labelledby="pkg-proposal-title">
          <div className="pkg-card-head">
            <h2 id="pkg-proposal-title">{t('application.content.proposal')}</h2>
            {fix('plan', 'application.content.editInPlan')}
          </div>
          <p className="help" data-testid="pkg-schedule-summary">
            {schedule.length > 0
              ? t('application.content.schedule', { n: schedule.length, first: schedule[0]!.date, total: formatMoneyGrouped(planTotal) })
              : t('application.content.noSchedule')}
          </p>
          <EditableText {...props} field="summary" label={t('application.content.summary')} rows={3} />
          <EditableText {...props} field="waiverRequest" label={t('application.content.waiver')} rows={3} />
          <EditableText {...props} field="promise" label={t('application.content.promise')} help={t('application.content.promiseHelp')} rows={3} />
          {parts.letter && (
            <>
              <label className="checkbox-row">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={draft.pauseCollection ?? false}
                  onChange={(e) => props.onEdits({ ...props.edits, pauseCollection: e.target.checked })}
                  data-testid="pkg-pause-collection"
                />
                <span>{t('application.content.pauseCollection')}</span>
              </label>
              <label className="checkbox-row">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={draft.summaryPage ?? false}
                  onChange={(e) => props.onEdits({ ...props.edits, summaryPage: e.target.checked })}
                  data-testid="pkg-summary-page"
                />
                <span>{t('application.content.summaryPage')}</span>
              </label>
            </>
          )}
        </section>
      )}

      {parts.requests && (
        <section className="case-card">
          <EditableText {...props} field="requests" label={t('application.content.requests')} help={t('application.content.requestsHelp')} rows={4} />
          <EditableText {...props} field="facts" label={t('application.content.facts')} help={t('application.content.factsHelp')} rows={5} />
          <p className="help" data-testid="pkg-flagged-count">
            {t('application.content.flagged', { n: draft.flaggedContacts.length })} {fix('timeline', 'application.content.editInTimeline')}
          </p>
        </section>
      )}

      {draft.template !== 'callsheet' && (
        <section className="case-card">
          <label className="checkbox-row">
            <input
              type="checkbox"
              className="checkbox"
              checked={props.edits.includeContacts}
              onChange={(e) => props.onEdits({ ...props.edits, includeContacts: e.target.checked })}
              data-testid="pkg-include-contacts"
            />
            <span>{t('application.content.includeContacts', { n: draft.contacts.length })}</span>
          </label>
        </section>
      )}
    </div>
  );
}
