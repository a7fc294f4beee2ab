// 申请与答复: each application sent (creditor, date, how, package), its 7–15 working-day
// answer window, the outcome in the creditor's own words with evidence, an oral agreement
// flagged until confirmed in writing, and requests for more material as tasks.
import { useCallback, useEffect, useState } from 'react';
import type { CaseView } from '../../../../shared/contracts/case';
import type { RoundView } from '../../../../shared/repayments/rounds';
import { ROUND_CHANNELS, ROUND_OUTCOMES } from '../../../../shared/repayments/rounds';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import type { EvidenceChoice } from './useRepayments';
import type { PackageRecord } from '../../../../shared/contracts/package';
import { templateTitle } from '../application/package-format';
import { beijingMinute } from '../../../../shared/time/beijing';
import { RoundEvidencePicker } from './RoundEvidencePicker';
import { DateField, readDateField } from '../../components/DateField';

/** "还款申请.pdf · 分期还款申请 · 2024-10-18 · 寄给 招商银行…": how a built package is told apart. */
function packageLabel(t: ReturnType<typeof useT>, p: PackageRecord): string {
  return t('repayments.rounds.packageOption', { name: p.fileName, template: templateTitle(t, p.template), date: beijingMinute(p.builtAt).slice(0, 10), addressee: p.addressee });
}

/** The newest package addressed to this creditor (its legal name), else none. */
function defaultPackage(packages: readonly PackageRecord[], creditor: string | undefined): string {
  if (!creditor) return '';
  return packages.find((p) => p.addressee.includes(creditor) || creditor.includes(p.addressee))?.id ?? '';
}

export function RoundsPanel({ doc, today, evidence }: { doc: CaseView; today: string; evidence: EvidenceChoice[] }) {
  const t = useT();
  const [rounds, setRounds] = useState<RoundView[]>([]);
  const [packages, setPackages] = useState<PackageRecord[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      const [r, p] = await Promise.all([api().repayments.rounds({}), api().package.list()]);
      setRounds(r.rounds);
      // Newest first, so the package just built is at the top.
      setPackages([...p.packages].sort((a, b) => (a.builtAt < b.builtAt ? 1 : a.builtAt > b.builtAt ? -1 : 0)));
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const [creditorId, setCreditorId] = useState(doc.creditors[0]?.id ?? '');
  const [sentOn, setSentOn] = useState(today);
  const [channel, setChannel] = useState<(typeof ROUND_CHANNELS)[number]>('app');
  // null: not chosen yet — follows the creditor (its newest package) until the person picks.
  const [packageId, setPackageId] = useState<string | null>(null);
  const creditorName = doc.creditors.find((c) => c.id === creditorId)?.legalName;
  const chosenPackage = packageId ?? defaultPackage(packages ?? [], creditorName);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
      await load();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="case-card" aria-labelledby="rp-rounds-title" data-testid="rp-rounds">
      <h2 id="rp-rounds-title">{t('repayments.rounds.title')}</h2>
      <p className="case-small">{t('repayments.rounds.lead')}</p>
      {error !== null && <Message kind="error">{errorText(t, error)}</Message>}
      {rounds.length === 0 && <p className="case-small">{t('repayments.rounds.none')}</p>}
      {rounds.map((r) => (
        <Round key={r.id} r={r} evidence={evidence} packages={packages ?? []} act={act} />
      ))}
      {doc.creditors.length > 0 && (
        <div className="rp-row" data-testid="rp-round-add">
          <label htmlFor="rp-round-creditor">{t('repayments.rounds.creditor')}</label>
          <select id="rp-round-creditor" value={creditorId} onChange={(e) => setCreditorId(e.target.value)}>
            {doc.creditors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.legalName}
              </option>
            ))}
          </select>
          <DateField id="rp-round-sent" label={t('repayments.rounds.sentOn')} testId="rp-round-sent" value={sentOn} onChange={setSentOn} when="past" notAfterToday />
          <label htmlFor="rp-round-channel">{t('repayments.rounds.channel')}</label>
          <select id="rp-round-channel" value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
            {ROUND_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`repayments.rounds.channels.${c}`)}
              </option>
            ))}
          </select>
          <label htmlFor="rp-round-package">{t('repayments.rounds.package')}</label>
          <select id="rp-round-package" value={chosenPackage} onChange={(e) => setPackageId(e.target.value)} data-testid="rp-round-package">
            <option value="">{packages && packages.length === 0 ? t('repayments.rounds.noPackages') : t('repayments.rounds.noPackage')}</option>
            {(packages ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {packageLabel(t, p)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            onClick={() =>
              void act(async () => {
                // The day it was sent starts the answer window and is stated in a mediation letter: read as typed, refused if impossible.
                const sent = readDateField(t, sentOn, t('repayments.rounds.sentOn'), { when: 'past', notAfterToday: true });
                if (!sent.ok) throw new Error(sent.error);
                await api().repayments.saveRound({ creditorId, sentOn: sent.value as string, channel, packageId: chosenPackage || null, note: '' });
                setPackageId(null);
              })
            }
            data-testid="rp-round-save"
          >
            {t('repayments.rounds.add')}
          </button>
        </div>
      )}
      {doc.creditors.length > 0 && <p className="case-small">{t('repayments.rounds.packageHint')}</p>}
    </section>
  );
}

function Round({ r, evidence, packages, act }: { r: RoundView; evidence: EvidenceChoice[]; packages: PackageRecord[]; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const t = useT();
  const [outcome, setOutcome] = useState(r.outcome);
  const [outcomeOn, setOutcomeOn] = useState(r.outcomeOn ?? '');
  const [words, setWords] = useState(r.creditorWords);
  const [oral, setOral] = useState(r.oral);
  const [proof, setProof] = useState(r.evidenceIds[0] ?? '');
  const [request, setRequest] = useState('');
  const [due, setDue] = useState('');
  const [picking, setPicking] = useState<string | null>(null);
  const id = (k: string) => `rp-round-${r.id}-${k}`;
  const sent = r.packageId ? packages.find((p) => p.id === r.packageId) : undefined;
  const nameOf = new Map(evidence.map((e) => [e.id, e.name]));
  return (
    <article className="rp-round" data-testid="rp-round" data-outcome={r.outcome}>
      <h3>
        {r.creditor} · {r.sentOn} · {t(`repayments.rounds.channels.${r.channel}`)} · {t(`repayments.rounds.outcomes.${r.outcome}`)}
      </h3>
      {r.packageId && (
        <p className="case-small" data-testid="rp-round-sent-package">
          {sent ? t('repayments.rounds.sentPackage', { label: packageLabel(t, sent) }) : t('repayments.rounds.packageGone')}
        </p>
      )}
      {r.windowStart && r.windowEnd && (
        <p className="case-small" data-testid="rp-round-window">
          {t('repayments.rounds.window', { from: r.windowStart, to: r.windowEnd })}
        </p>
      )}
      {r.windowProblem && <p className="case-small">{r.windowProblem}</p>}
      {r.needsWriting && (
        <Message kind="warning" testId="rp-round-oral">
          {t('repayments.rounds.oralFlag')} — {t('repayments.agreement.needsWriting')}
        </Message>
      )}
      <div className="rp-row">
        <label htmlFor={id('outcome')}>{t('repayments.rounds.outcome')}</label>
        <select id={id('outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)} data-testid="rp-round-outcome">
          {ROUND_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`repayments.rounds.outcomes.${o}`)}
            </option>
          ))}
        </select>
        <DateField id={id('on')} label={t('repayments.rounds.outcomeOn')} testId="rp-round-outcome-on" value={outcomeOn} onChange={setOutcomeOn} when="past" notAfterToday />
      </div>
      <div className="rp-field">
        <label htmlFor={id('words')}>{t('repayments.rounds.words')}</label>
        <textarea id={id('words')} rows={2} value={words} onChange={(e) => setWords(e.target.value)} data-testid="rp-round-words" />
      </div>
      <div className="rp-row">
        <select aria-label={t('repayments.rounds.requestEvidence')} value={proof} onChange={(e) => setProof(e.target.value)}>
          <option value="">—</option>
          {evidence.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <label className="rp-check">
          <input type="checkbox" checked={oral} onChange={(e) => setOral(e.target.checked)} data-testid="rp-round-oral-check" /> {t('repayments.rounds.oral')}
        </label>
        <button
          type="button"
          className="button button-quiet"
          data-testid="rp-round-outcome-save"
          onClick={() =>
            void act(async () => {
              const on = readDateField(t, outcomeOn, t('repayments.rounds.outcomeOn'), { when: 'past', notAfterToday: true, optional: true });
              if (!on.ok) throw new Error(on.error);
              await api().repayments.setOutcome({ roundId: r.id, outcome, outcomeOn: on.value, creditorWords: words, evidenceIds: proof ? [proof] : [], oral });
            })
          }
        >
          {t('repayments.rounds.saveOutcome')}
        </button>
      </div>
      <h4>{t('repayments.rounds.requests')}</h4>
      <ul>
        {r.requests.map((q) => (
          <li key={q.id} data-testid="rp-request" data-answered={q.evidenceIds.length > 0 ? 'yes' : 'no'}>
            <label className="rp-check">
              <input type="checkbox" checked={q.done} onChange={(e) => void act(() => api().repayments.saveRequest({ ...q, done: e.target.checked }))} /> {q.text}
              {q.due && ` (${q.due})`}
            </label>
            {q.evidenceIds.length > 0 ? (
              <p className="case-small" data-testid="rp-request-answered">
                {t('repayments.rounds.answeredBy', { names: q.evidenceIds.map((e) => nameOf.get(e) ?? t('repayments.rounds.evidenceGone')).join('、') })}
              </p>
            ) : (
              <p className="case-small">{t('repayments.rounds.notAnswered')}</p>
            )}
            {picking === q.id ? (
              <>
                <RoundEvidencePicker
                  evidence={evidence}
                  chosen={q.evidenceIds}
                  // Linking the material that answers it marks the request answered; removing the last one reopens it.
                  onChange={(ids) => void act(() => api().repayments.saveRequest({ ...q, evidenceIds: ids, done: ids.length > 0 }))}
                />
                <button type="button" className="button button-quiet" onClick={() => setPicking(null)} data-testid="rp-picker-close">
                  {t('repayments.rounds.pickerClose')}
                </button>
              </>
            ) : (
              <button type="button" className="button button-quiet" onClick={() => setPicking(q.id)} data-testid="rp-request-link">
                {t('repayments.rounds.linkEvidence')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="rp-row">
        <input aria-label={t('repayments.rounds.request')} placeholder={t('repayments.rounds.request')} value={request} onChange={(e) => setRequest(e.target.value)} />
        <DateField id={id('due')} label={t('repayments.rounds.requestDue')} testId="rp-request-due" value={due} onChange={setDue} when="future" />
        <button
          type="button"
          className="button button-quiet"
          disabled={!request.trim()}
          onClick={() =>
            void act(async () => {
              const by = readDateField(t, due, t('repayments.rounds.requestDue'), { when: 'future', optional: true });
              if (!by.ok) throw new Error(by.error);
              await api().repayments.saveRequest({ roundId: r.id, askedOn: r.outcomeOn ?? r.sentOn, text: request.trim(), due: by.value, evidenceIds: [], done: false });
              setRequest('');
              setDue('');
            })
          }
        >
          {t('repayments.rounds.addRequest')}
        </button>
      </div>
    </article>
  );
}
