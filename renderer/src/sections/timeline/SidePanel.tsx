// Who a contact belongs to (issue 10): a creditor, an agent collecting for one, or nobody;
// 可能是催收方 with one click to confirm (for every record of the number); or a choice
// from the case's creditors and agents. A letter to one creditor holds only its records.
import { useEffect, useId, useState } from 'react';
import type { ContactDetail } from '../../../../shared/contracts/timeline';
import type { Sides } from '../../../../shared/contracts/sides';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';

export function SidePanel({ contact: c, onChanged }: { contact: ContactDetail; onChanged: (c: ContactDetail) => void }) {
  const t = useT();
  const id = useId();
  const [sides, setSides] = useState<Sides | null>(null);
  const [choice, setChoice] = useState('');
  const [wholeNumber, setWholeNumber] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void api()
      .sides.get({})
      .then(setSides, () => setSides({ creditors: [], agents: [] }));
  }, []);

  const creditorLabel = (creditorId: string | null) => sides?.creditors.find((x) => x.id === creditorId)?.label ?? '';
  const agent = (agentId: string | null) => sides?.agents.find((a) => a.id === agentId);
  const s = c.side;
  let label: string;
  if (s.kind === 'nobody') label = s.unrelated ? `${t('sides.nobody')}：${t(`sides.unrelated.${s.unrelated}`)}` : t('sides.nobody');
  else if (s.kind === 'agent' && agent(s.agentId)) {
    const a = agent(s.agentId)!;
    label = t('sides.agent', { kind: t(`sides.agentKind.${a.kind}`), name: a.name, creditor: creditorLabel(a.creditorId) });
  } else if (s.kind === 'creditor' || s.kind === 'agent') label = t('sides.creditor', { name: creditorLabel(s.creditorId) || s.group?.replace(/^org:/, '') || '' });
  else if (s.state === 'suggested') label = s.suggestion?.creditorId ? t('sides.maybeFor', { creditor: creditorLabel(s.suggestion.creditorId) }) : t('sides.maybe');
  else label = t('sides.unknown');

  const save = async (target: string, whole: boolean) => {
    setError(null);
    setSaved(false);
    try {
      const [kind, ref] = target.split(':') as [string, string | undefined];
      const side =
        kind === 'clear'
          ? null
          : kind === 'nobody'
            ? { side: 'nobody' as const, creditorId: null, agentId: null }
            : kind === 'agent'
              ? { side: 'agent' as const, creditorId: null, agentId: ref ?? null }
              : { side: 'creditor' as const, creditorId: ref ?? null, agentId: null };
      await api().sides.setContactSide({ id: c.id, side, wholeNumber: whole && Boolean(c.phone) });
      onChanged(await api().timeline.get({ id: c.id }));
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };

  // The one click: what the words suggest, when it names a creditor or one of the case's agents.
  const sug = s.state === 'suggested' ? s.suggestion : null;
  const oneClick = sug?.agentId ? `agent:${sug.agentId}` : sug?.creditorId ? `creditor:${sug.creditorId}` : null;
  const oneClickName = sug?.agentId ? (agent(sug.agentId)?.name ?? '') : creditorLabel(sug?.creditorId ?? null);

  return (
    <div className="tl-side" data-testid="side-panel" data-side-state={s.state} data-side-kind={s.kind}>
      <dl className="tl-dl">
        <div className="tl-dl-row">
          <dt>{t('sides.title')}</dt>
          <dd data-testid="side-label">
            {label}
            {s.state !== 'none' && t(`sides.state.${s.state}`) && <span className="tl-dd-note">{t(`sides.state.${s.state}`)}</span>}
            {s.kind === 'nobody' && s.unrelated && <span className="tl-dd-note">{t('sides.unrelatedNote')}</span>}
            {sug?.agentName && <span className="tl-dd-note">{t('sides.maybeAgent', { name: sug.agentName })}</span>}
          </dd>
        </div>
      </dl>
      {oneClick && (
        <button type="button" className="button button-primary" data-testid="side-confirm" onClick={() => void save(oneClick, true)}>
          {t('sides.confirm', { target: oneClickName })}
        </button>
      )}
      {sides && (
        <div className="tl-side-choose">
          <label htmlFor={`${id}-side`}>{t('sides.choose')}</label>
          <select id={`${id}-side`} value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="side-choose">
            <option value="" />
            {sides.creditors.map((x) => (
              <option key={x.id} value={`creditor:${x.id}`}>
                {x.label}
              </option>
            ))}
            {sides.agents.map((a) => (
              <option key={a.id} value={`agent:${a.id}`}>
                {t('sides.agent', { kind: t(`sides.agentKind.${a.kind}`), name: a.name, creditor: creditorLabel(a.creditorId) })}
              </option>
            ))}
            <option value="nobody">{t('sides.chooseNone')}</option>
            <option value="clear">{t('sides.chooseClear')}</option>
          </select>
          {c.phone && (
            <label className="tl-side-whole">
              <input type="checkbox" checked={wholeNumber} onChange={(e) => setWholeNumber(e.target.checked)} /> {t('sides.wholeNumber')}
            </label>
          )}
          <button type="button" className="button" disabled={!choice} data-testid="side-apply" onClick={() => void save(choice, wholeNumber)}>
            {t('sides.apply')}
          </button>
        </div>
      )}
      <p className="tl-dd-note">{t('sides.letterNote')}</p>
      {saved && <Message kind="success">{t('sides.saved')}</Message>}
      {error !== null && <Message kind="error">{errorText(t, error)}</Message>}
    </div>
  );
}
