// 求助渠道: the free places to turn to, what each is for and what to prepare, the scam
// warning first, and the printable credit-report objection (征信异议申请). Everything comes
// from shared/data/help-channels.json with its source and status; nothing here is invented.
import { useT, currentLocale } from '../../i18n';
import help from '../../../../shared/data/help-channels.json';
import { LEGAL_SOURCES } from '../../../../shared/timeline/rules';
import '../../settings/current.css';

type SourceId = keyof typeof LEGAL_SOURCES;

export function HelpSection() {
  const t = useT();
  const en = currentLocale() === 'en';
  const cite = (id: string | null) => {
    if (!id) return null;
    const s = LEGAL_SOURCES[id as SourceId];
    return s ? (en ? s.en : s.title) : null;
  };
  const w = help.scamWarning;
  const letter = help.creditObjectionLetter;
  return (
    <section className="section help-page" aria-labelledby="section-title" data-testid="section-help">
      <h1 id="section-title" tabIndex={-1}>
        {t('current.help.title')}
      </h1>
      <div className="card help-warning" role="note" data-testid="help-scam-warning">
        <h2>{en ? w.en_title : w.title}</h2>
        <p>{en ? w.en_text : w.text}</p>
        <p className="help">
          {t('current.help.source', { source: cite(w.source) ?? '' })}
          {w.status === 'secondary' ? t('current.help.statusNote') : ''}
        </p>
      </div>
      <p className="help">{t('current.help.intro')}</p>
      <ol className="help-channels">
        {help.channels.map((c) => {
          const source = cite(c.source);
          return (
            <li key={c.id} className="card help-channel" data-testid={`help-channel-${c.id}`}>
              <h2>{en ? c.en_name : c.name}</h2>
              <p className="help-number">{c.number ? t('current.help.number', { number: c.number }) : t('current.help.noNumber')}</p>
              <p>{t('current.help.where', { where: en ? c.en_where : c.where })}</p>
              <h3>{t('current.help.for')}</h3>
              <p>{en ? c.en_for : c.for}</p>
              <h3>{t('current.help.prepare')}</h3>
              <ul>
                {(en ? c.en_prepare : c.prepare).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              <p className="help">
                {source ? t('current.help.source', { source }) : ''}
                {c.status === 'secondary' ? t('current.help.statusNote') : ''}
              </p>
            </li>
          );
        })}
      </ol>
      <div className="card help-letter" data-testid="help-credit-letter">
        <h2>{t('current.help.letterTitle')}</h2>
        <p className="help">{t('current.help.letterIntro')}</p>
        <pre className="help-letter-text" lang="zh-CN">
          {[letter.title, '', ...letter.lines].join('\n')}
        </pre>
        <p className="help">{letter.note}</p>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('current.help.print')}
          </button>
        </div>
      </div>
    </section>
  );
}
