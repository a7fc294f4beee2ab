// 财务: an honest self-assessment — the reason for the overdue, income, costs, other debts
// and assets — and what is left each month for repayment. The applicant's details for the
// written application live here too.
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { useCase } from '../case/useCase';
import '../case/case.css';
import { ApplicantCard } from './ApplicantCard';
import { FinancesForm } from './FinancesForm';
import { HardshipCard } from './HardshipCard';

export function FinancesSection() {
  const t = useT();
  const { doc, loadError, run } = useCase();
  return (
    <section className="section case-section" aria-labelledby="section-title" data-testid="section-finances">
      <h1 id="section-title" tabIndex={-1}>
        {t('nav.finances')}
      </h1>
      <p className="lead">{t('finances.lead')}</p>
      {loadError !== null && <Message kind="error">{errorText(t, loadError)}</Message>}
      {!doc && loadError === null && <p role="status">{t('finances.loading')}</p>}
      {doc && (
        <>
          <FinancesForm doc={doc} run={run} />
          <HardshipCard doc={doc} run={run} />
          <ApplicantCard doc={doc} run={run} />
        </>
      )}
    </section>
  );
}
