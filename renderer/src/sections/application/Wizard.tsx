// 生成申请书: the wizard. One draft from the vault (useDraft), the person's edits and picks
// on top (wizard-state.ts), five steps, and the build (useBuild: Web Worker → main signs).
import { useEffect, useMemo, useState } from 'react';
import { todayBeijing } from '../../../../shared/time/beijing';
import type { PickedExhibit } from '../../../../shared/package/build-from-draft';
import { TEMPLATE_TITLES } from '../../../../shared/pdf/model';
import { useT, type TKey } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import type { AppMode } from '../evidence/urls';
import { base64ToBytes } from '../../lib/upload';
import { StepBuild } from './StepBuild';
import { StepContent } from './StepContent';
import { StepExhibits } from './StepExhibits';
import { StepLetter } from './StepLetter';
import { StepSign } from './StepSign';
import { useBuild } from './useBuild';
import { useDraft, type DraftQuery } from './useDraft';
import { forgetWizard, recallWizard, rememberWizard } from './wizard-memory';
import { NO_EDITS, applyEdits, carryPicks, exhibitProblems, missingNow, suggestedFileName, suggestedPicks, templateParts, type Edits } from './wizard-state';

type StepId = 'letter' | 'content' | 'exhibits' | 'sign' | 'build';
const STEP_KEYS: Record<StepId, TKey> = {
  letter: 'application.steps.letter',
  content: 'application.steps.content',
  exhibits: 'application.steps.exhibits',
  sign: 'application.steps.sign',
  build: 'application.steps.build',
};

export function Wizard({ mode, onBuilt }: { mode: AppMode; onBuilt: () => void }) {
  const t = useT();
  const [recalled] = useState(recallWizard);
  const [query, setQuery] = useState<DraftQuery>(() => recalled?.query ?? { template: 'negotiation', date: todayBeijing() });
  const [reloadKey, setReloadKey] = useState(0);
  const { draft, error, loading } = useDraft(query, reloadKey);
  const [edits, setEdits] = useState<Edits>(recalled?.edits ?? NO_EDITS);
  const [picks, setPicks] = useState<PickedExhibit[] | null>(recalled?.picks ?? null);
  const [dropped, setDropped] = useState<string[]>([]);
  const [step, setStep] = useState<StepId>((recalled?.step as StepId | undefined) ?? 'letter');
  const [digital, setDigital] = useState(recalled?.digital ?? true);
  const [useHand, setUseHand] = useState(recalled?.useHand ?? true);
  const [hasHand, setHasHand] = useState(false);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [confirmRestart, setConfirmRestart] = useState(false);
  const build = useBuild(mode);

  // First draft: the suggested exhibits. Later drafts keep what the person picked.
  useEffect(() => {
    if (!draft) return;
    setPicks((prev) => {
      if (prev === null) return suggestedPicks(draft.candidates);
      const carried = carryPicks(prev, draft.candidates);
      setDropped(carried.dropped);
      return carried.picks;
    });
  }, [draft]);

  useEffect(() => {
    rememberWizard({ query, edits, picks, step, digital, useHand });
  }, [query, edits, picks, step, digital, useHand]);

  // A finished build is reported once (the list tab refreshes).
  useEffect(() => {
    if (build.state.phase === 'done') onBuilt();
  }, [build.state.phase, onBuilt]);

  const edited = useMemo(() => (draft ? applyEdits(draft.model, edits) : null), [draft, edits]);
  const parts = templateParts(query.template);
  const steps: StepId[] = ['letter', 'content', ...(parts.exhibits ? (['exhibits'] as const) : []), ...(parts.sign ? (['sign'] as const) : []), 'build'];
  const current = steps.includes(step) ? step : 'build';
  const at = steps.indexOf(current);
  const busy = build.state.phase === 'building' || build.state.phase === 'signing';
  const usedPicks = parts.exhibits ? (picks ?? []) : [];
  const missing = edited ? missingNow(edited) : [];
  const problems = exhibitProblems(usedPicks).map((p) =>
    t(p.kind === 'damaged' ? 'application.problems.damaged' : p.kind === 'password' ? 'application.problems.password' : 'application.problems.title', { n: p.n, title: p.title }),
  );

  const go = (next: StepId) => {
    if (busy) return;
    setStep(next);
    requestAnimationFrame(() => document.getElementById('pkg-step-heading')?.focus());
  };

  const restart = () => {
    forgetWizard();
    build.reset();
    setQuery({ template: 'negotiation', date: todayBeijing() });
    setEdits(NO_EDITS);
    setPicks(null);
    setDropped([]);
    setDigital(true);
    setUseHand(true);
    setConfirmRestart(false);
    setReloadKey((k) => k + 1);
    go('letter');
  };

  const startBuild = async () => {
    if (!edited || busy) return;
    setStartError(null);
    try {
      const sign = digital && parts.sign;
      let fp: string | undefined;
      if (sign) {
        fp = (await api().package.identity({ name: edited.applicant.name })).fingerprint;
        setFingerprint(fp);
      }
      let image: Uint8Array | undefined;
      if (parts.sign && useHand && hasHand) {
        const stored = await api().package.signatureGet();
        if (stored.image) image = base64ToBytes(stored.image);
      }
      await build.start(
        { draft: edited, exhibits: usedPicks, sign, ...(fp ? { certificateFingerprint: fp } : {}), ...(image ? { signatureImage: image } : {}) },
        {
          template: edited.template,
          addressee: edited.creditor.name,
          signer: edited.applicant.name,
          sign,
          exhibits: usedPicks.map((p, i) => ({ n: i + 1, title: p.title.slice(0, 200), sha256: p.candidate.sha256 })),
          fileName: suggestedFileName(edited),
        },
      );
    } catch (err) {
      setStartError(err);
    }
  };

  return (
    <div className="pkg-wizard" data-testid="pkg-wizard">
      <nav aria-label={t('application.steps.label')}>
        <ol className="pkg-stepper">
          {steps.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                className={`pkg-stepper-item ${s === current ? 'pkg-stepper-on' : ''} ${i < at ? 'pkg-stepper-past' : ''}`}
                aria-current={s === current ? 'step' : undefined}
                disabled={busy}
                onClick={() => go(s)}
                data-testid={`pkg-stepper-${s}`}
              >
                <span className="pkg-stepper-n">{i + 1}</span> {t(STEP_KEYS[s])}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="pkg-restart">
        {confirmRestart ? (
          <span role="group" aria-label={t('application.restart.confirm')}>
            {t('application.restart.confirm')}{' '}
            <button type="button" className="button" onClick={restart} data-testid="pkg-restart-yes">
              {t('application.restart.yes')}
            </button>{' '}
            <button type="button" className="button button-quiet" onClick={() => setConfirmRestart(false)}>
              {t('application.restart.no')}
            </button>
          </span>
        ) : (
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => setConfirmRestart(true)} data-testid="pkg-restart">
            {t('application.restart.button')}
          </button>
        )}
      </div>
      <h2 id="pkg-step-heading" className="visually-hidden" tabIndex={-1}>
        {t(STEP_KEYS[current])}
      </h2>

      {error !== null && (
        <Message kind="error" testId="pkg-draft-error">
          {errorText(t, error)}{' '}
          <button type="button" className="button button-quiet" onClick={() => setReloadKey((k) => k + 1)}>
            {t('application.retry')}
          </button>
        </Message>
      )}
      {!draft && loading && <p role="status">{t('application.loading')}</p>}
      {dropped.length > 0 && <Message kind="warning">{t('application.dropped', { titles: dropped.join('、') })}</Message>}
      {draft?.model.sample && current !== 'build' && <Message kind="info">{t('application.sampleNote')}</Message>}
      {current === 'content' && missing.length > 0 && (
        <Message kind="warning" testId="pkg-missing-early">
          {t('application.missingShort', { items: missing.join('；') })}
        </Message>
      )}

      {current === 'letter' && <StepLetter query={query} draft={draft} onChange={setQuery} />}
      {draft && edited && current === 'content' && (
        <StepContent
          draft={edited}
          base={draft.model}
          edits={edits}
          onEdits={setEdits}
          showFullId={query.showFullIdNumber ?? false}
          onShowFullId={(v) => setQuery((q) => ({ ...q, showFullIdNumber: v }))}
          warnings={draft.warnings}
        />
      )}
      {draft && current === 'exhibits' && <StepExhibits mode={mode} candidates={draft.candidates} picks={picks ?? []} onPicks={setPicks} />}
      {current === 'sign' && (
        <StepSign digital={digital} onDigital={setDigital} useHand={useHand} onUseHand={setUseHand} hasHand={hasHand} onHasHand={setHasHand} fingerprint={fingerprint} />
      )}
      {edited && current === 'build' && (
        <>
          {startError !== null && <Message kind="error">{errorText(t, startError)}</Message>}
          <StepBuild
            mode={mode}
            state={build.state}
            summary={{
              title: TEMPLATE_TITLES[edited.template],
              addressee: edited.creditor.name,
              accounts: edited.accounts.length,
              exhibits: usedPicks.length,
              hand: parts.sign && useHand && hasHand,
              digital: parts.sign && digital,
              sample: edited.sample,
            }}
            missing={missing}
            problems={problems}
            onBuild={() => void startBuild()}
            onCancel={build.cancel}
            onReset={build.reset}
          />
        </>
      )}

      <div className="form-actions pkg-nav">
        {at > 0 && (
          <button type="button" className="button" disabled={busy} onClick={() => go(steps[at - 1]!)} data-testid="pkg-back">
            {t('application.back')}
          </button>
        )}
        {at < steps.length - 1 && (
          <button type="button" className="button button-primary" disabled={busy || !draft} onClick={() => go(steps[at + 1]!)} data-testid="pkg-next">
            {t('application.next', { step: t(STEP_KEYS[steps[at + 1]!]) })}
          </button>
        )}
      </div>
    </div>
  );
}
