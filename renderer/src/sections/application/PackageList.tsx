// Every package built from this vault, newest first: when, what, to whom, and the SHA-256
// of the file and of each exhibit, so a copy sent months ago can be matched to its record.
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { currentLocale, useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { Message } from '../../components/Message';
import type { PackageRecord } from '../../../../shared/contracts/package';
import { shortSha, templateTitle } from './package-format';
import { CheckIcon } from './PackageIcons';
import './package-tools.css';
import { beijingMinute } from '../../../../shared/time/beijing';

type Load = { state: 'loading' } | { state: 'ok'; packages: PackageRecord[] } | { state: 'error'; message: string };

/** The Clipboard API, or the older copy command where it is not allowed. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function PackageList(props: { refreshKey?: number }) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [copied, setCopied] = useState<{ id: string; ok: boolean } | null>(null);
  const headingId = useId();
  const copyTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let alive = true;
    api()
      .package.list()
      .then(({ packages }) => {
        // Main returns them newest first; sorted again so the order never depends on that.
        if (alive) setLoad({ state: 'ok', packages: [...packages].sort((a, b) => (a.builtAt < b.builtAt ? 1 : a.builtAt > b.builtAt ? -1 : 0)) });
      })
      .catch((err: unknown) => alive && setLoad({ state: 'error', message: errorText(t, err) }));
    return () => {
      alive = false;
    };
    // Reloaded when the section asks (a new package was built); a language change needs no reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t only words a failure; see above
  }, [props.refreshKey]);

  useEffect(
    () => () => {
      if (copyTimer.current) clearTimeout(copyTimer.current);
    },
    [],
  );

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const copy = async (p: PackageRecord) => {
    const ok = await copyText(p.sha256);
    setCopied({ id: p.id, ok });
    if (copyTimer.current) clearTimeout(copyTimer.current);
    copyTimer.current = setTimeout(() => setCopied(null), 4000);
  };

  return (
    <section className="pt-list" aria-labelledby={headingId} data-testid="package-list" data-state={load.state}>
      <h2 id={headingId}>{t('packageTools.list.title')}</h2>
      <p className="help">{t('packageTools.list.lead')}</p>

      {load.state === 'loading' && <p className="help">{t('packageTools.common.loading')}</p>}
      {load.state === 'error' && <Message kind="error">{load.message}</Message>}
      {load.state === 'ok' && load.packages.length === 0 && (
        <div className="empty-state" data-testid="package-list-empty">
          <p className="empty-state-title">{t('packageTools.list.emptyTitle')}</p>
          <p className="empty-state-note">{t('packageTools.list.emptyNote')}</p>
        </div>
      )}
      {load.state === 'ok' && load.packages.length > 0 && (
        <div className="pt-table-wrap">
          <table className="pt-table pt-packages">
            <caption className="visually-hidden">{t('packageTools.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('packageTools.list.colTime')}</th>
                <th scope="col">{t('packageTools.list.colTemplate')}</th>
                <th scope="col">{t('packageTools.list.colAddressee')}</th>
                <th scope="col">{t('packageTools.list.colFile')}</th>
                <th scope="col" className="num">
                  {t('packageTools.list.colPages')}
                </th>
                <th scope="col">{t('packageTools.list.colExhibits')}</th>
                <th scope="col" className="num">
                  {t('packageTools.list.colSize')}
                </th>
                <th scope="col">{t('packageTools.list.colSigned')}</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {load.packages.map((p) => {
                const expanded = open.has(p.id);
                const detailId = `pt-ex-${p.id}`;
                return (
                  <Fragment key={p.id}>
                    <tr data-testid="package-row" data-id={p.id}>
                      <td className="pt-nowrap">{beijingMinute(p.builtAt)}</td>
                      <td className="pt-col-text">{templateTitle(t, p.template)}</td>
                      <td className="pt-col-text">{p.addressee}</td>
                      <td className="pt-file">{p.fileName}</td>
                      <td className="num">{p.pages}</td>
                      <td>
                        {p.exhibits.length === 0 ? (
                          t('packageTools.list.noExhibits')
                        ) : (
                          <button
                            type="button"
                            className="button pt-small"
                            aria-expanded={expanded}
                            aria-controls={expanded ? detailId : undefined}
                            onClick={() => toggle(p.id)}
                            data-testid="package-exhibits-toggle"
                          >
                            {expanded ? t('packageTools.list.hideExhibits', { n: p.exhibits.length }) : t('packageTools.list.showExhibits', { n: p.exhibits.length })}
                          </button>
                        )}
                      </td>
                      <td className="num">{formatBytes(t, p.bytes, currentLocale())}</td>
                      <td className="pt-nowrap">
                        {p.signed ? (
                          <>
                            <CheckIcon /> {t('packageTools.list.signedYes')}
                          </>
                        ) : (
                          t('packageTools.list.signedNo')
                        )}
                      </td>
                      <td>
                        <div className="pt-sha-cell">
                          <code className="pt-sha pt-nowrap" title={p.sha256}>
                            {shortSha(p.sha256)}
                          </code>
                          <button
                            type="button"
                            className="button pt-small"
                            onClick={() => void copy(p)}
                            aria-label={t('packageTools.list.copyLabel', { file: p.fileName })}
                            data-testid="package-copy-sha"
                          >
                            {t('packageTools.list.copy')}
                          </button>
                        </div>
                        {copied?.id === p.id && (
                          <span className={copied.ok ? 'pt-copied' : 'pt-copy-failed'} role="status">
                            {copied.ok ? t('packageTools.list.copied') : t('packageTools.list.copyFailed', { sha: p.sha256 })}
                          </span>
                        )}
                      </td>
                    </tr>
                    {expanded && (
                      <tr className="pt-exhibits-row">
                        <td colSpan={9} id={detailId}>
                          <ul className="pt-exhibits" data-testid="package-exhibits">
                            {p.exhibits.map((e) => (
                              <li key={e.n}>
                                <span className="pt-ex-title">{t('packageTools.list.exhibit', { n: e.n, title: e.title })}</span>{' '}
                                <code className="pt-sha pt-sha-full">{e.sha256}</code>
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
