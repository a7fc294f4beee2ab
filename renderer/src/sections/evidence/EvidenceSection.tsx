// The evidence section: add evidence (file / folder pickers, drag-and-drop of files and
// whole folders, paste of a screenshot), find it (search, filters, sorting), see it (grid
// or list, virtualised), and act on it (details, trash / restore / purge, export with a
// manifest, verify). Everything goes through window.xieshang; bytes are read through the
// evidence protocol (urls.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EvidenceSummary, ListFilter } from '../../../../shared/contracts/evidence';
import type { EvidenceCategory } from '../../../../shared/evidence/categories';
import { useT } from '../../i18n';
import { api, getApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useNavFocus } from '../../lib/navigate';
import { Message } from '../../components/Message';
import { EvidenceGrid, EvidenceList } from './EvidenceViews';
import { EvidenceDetail, type AccountRef } from './EvidenceDetail';
import { ImportPanel } from './ImportPanel';
import { ConfirmPurge } from './ConfirmPurge';
import { MakeContact } from './MakeContact';
import { useImport } from './useImport';
import { filesFromDrop, filesFromInput } from './upload';
import { newTaskId } from './format';
import { OcrJobPanel } from './OcrJobPanel';
import type { AppMode } from './urls';
import './evidence.css';
import { CategoryOptions } from './CategoryOptions';
import { isoWithOffset } from '../../../../shared/time/beijing';

type Sort = NonNullable<ListFilter['sort']>;
interface Facets {
  live: number;
  trash: number;
  tags: { tag: string; count: number }[];
}
type Notice = { kind: 'success' | 'error' | 'warning' | 'info'; text: string; testId: string } | null;

const SORTS: Sort['by'][] = ['captured', 'imported', 'name', 'size', 'category'];
const SORT_KEYS = { captured: 'sortCaptured', imported: 'sortImported', name: 'sortName', size: 'sortSize', category: 'sortCategory' } as const;

function pastedName(t: ReturnType<typeof useT>, type: string): string {
  const now = isoWithOffset(Date.now());
  const stamp = `${now.slice(0, 10)} ${now.slice(11, 19).replace(/:/g, '-')}`;
  const name = t('evidence.import.pastedName', { time: stamp });
  const ext = type.split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
  return name.replace(/\.png$/, `.${ext}`);
}

export function EvidenceSection({ mode }: { mode: AppMode }) {
  const t = useT();
  const [items, setItems] = useState<EvidenceSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [listError, setListError] = useState<unknown>(null);
  const [facets, setFacets] = useState<Facets>({ live: 0, trash: 0, tags: [] });
  const [accounts, setAccounts] = useState<AccountRef[]>([]);
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [category, setCategory] = useState<EvidenceCategory | ''>('');
  const [tag, setTag] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [accountId, setAccountId] = useState('');
  const [sort, setSort] = useState<Sort>({ by: 'captured', dir: 'desc' });
  const [trash, setTrash] = useState(false);
  const [view, setView] = useState<'grid' | 'list'>('grid');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [purgeIds, setPurgeIds] = useState<string[] | null>(null);
  const [makeContact, setMakeContact] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<'verify' | 'export' | 'trash' | 'purge' | null>(null);
  const [verifyPct, setVerifyPct] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const requestSeq = useRef(0);
  const verifyTask = useRef<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);

  const filter: ListFilter = useMemo(
    () => ({
      ...(category ? { category } : {}),
      ...(tag ? { tag } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(debounced ? { query: debounced } : {}),
      ...(accountId ? { accountId } : {}),
      ...(trash ? { trash: true } : {}),
      sort,
    }),
    [category, tag, from, to, accountId, debounced, trash, sort],
  );

  const refresh = useCallback(async () => {
    const seq = ++requestSeq.current;
    try {
      const [list, f] = await Promise.all([api().evidence.list(filter), api().evidence.facets({})]);
      if (seq !== requestSeq.current) return;
      setItems(list.items);
      setFacets(f);
      setListError(null);
      setLoaded(true);
      setSelected((s) => {
        const ids = new Set(list.items.map((i) => i.id));
        const next = new Set([...s].filter((id) => ids.has(id)));
        return next.size === s.size ? s : next;
      });
    } catch (err) {
      if (seq === requestSeq.current) setListError(err);
    }
  }, [filter]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The accounts (from the case) for the filter and the detail; the links themselves come
  // with each item (accountIds), read from the same case lists the debts page edits.
  useEffect(() => {
    api()
      .case.get({})
      .then((c) => setAccounts(c.accounts.map((a) => ({ id: a.id, label: a.label || a.number || a.id }))))
      .catch(() => setAccounts([]));
  }, []);

  // Arrived from a timeline contact's "在证据中查看": open that item's detail.
  const { focus, clearFocus } = useNavFocus();
  useEffect(() => {
    const evidenceId = focus?.evidenceId;
    if (!evidenceId) return;
    clearFocus();
    setOpenId(evidenceId);
  }, [focus, clearFocus]);

  const imp = useImport(() => void refresh());
  const impRef = useRef(imp);
  impRef.current = imp;

  // Paste a screenshot just taken (Ctrl+V anywhere in the section, except into a text field).
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = Array.from(e.clipboardData?.items ?? [])
        .filter((i) => i.kind === 'file')
        .map((i) => i.getAsFile())
        .filter((f): f is File => f !== null);
      if (files.length === 0 || impRef.current.busy) return;
      e.preventDefault();
      const named = files.map((f) => {
        const name = f.name && f.name !== 'image.png' ? f.name : pastedName(t, f.type);
        return { file: new File([f], name, { type: f.type, lastModified: Date.now() }), label: name };
      });
      void impRef.current.runUploads(named);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [t]);

  // Verify progress arrives as 'task:progress'.
  useEffect(() => {
    const bridge = getApi();
    if (!bridge) return undefined;
    return bridge.subscribe('task:progress', (p) => {
      if (p.taskId === verifyTask.current) setVerifyPct(p.total > 0 ? Math.round((p.done / p.total) * 100) : 0);
    });
  }, []);

  const toggle = useCallback((id: string) => {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const act = async (kind: NonNullable<typeof busy>, fn: () => Promise<Notice>) => {
    setBusy(kind);
    setNotice(null);
    try {
      setNotice(await fn());
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(t, err), testId: 'evidence-notice' });
    } finally {
      setBusy(null);
      void refresh();
    }
  };

  const verify = () =>
    act('verify', async () => {
      const taskId = newTaskId('verify');
      verifyTask.current = taskId;
      setVerifyPct(0);
      try {
        const r = await api().evidence.verify({ taskId });
        return r.mismatched.length === 0
          ? { kind: 'success', text: t('evidence.verify.ok', { n: r.checked }), testId: 'evidence-verify-result' }
          : { kind: 'error', text: t('evidence.verify.bad', { bad: r.mismatched.length, n: r.checked }), testId: 'evidence-verify-result' };
      } finally {
        verifyTask.current = null;
        setVerifyPct(null);
      }
    });

  const exportSelected = () =>
    act('export', async () => {
      const r = await api().evidence.export({ ids: [...selected] });
      return r.cancelled ? null : { kind: 'success', text: t('evidence.export.done', { n: r.files, folder: r.folder }), testId: 'evidence-export-result' };
    });

  const trashSelected = () =>
    act('trash', async () => {
      const ids = [...selected];
      if (trash) await api().evidence.restore({ ids });
      else await api().evidence.trash({ ids });
      setSelected(new Set());
      return null;
    });

  const purge = (ids: string[]) =>
    act('purge', async () => {
      await api().evidence.purge({ ids, confirm: true });
      setPurgeIds(null);
      setOpenId(null);
      setSelected(new Set());
      return null;
    });

  const addFiles = (kind: 'files' | 'folder') => {
    if (mode === 'electron') void imp.runPick(kind);
    else (kind === 'files' ? fileInput : folderInput).current?.click();
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    if (imp.busy) return;
    // The entries must be taken now, inside the event; they are read afterwards.
    const pending = filesFromDrop(e.dataTransfer.items);
    imp.startReading();
    void pending.then(({ files, unreadable }) => imp.runUploads(files, { preErrors: unreadable.map((path) => ({ path, error: { code: 'UNREADABLE', message: 'UNREADABLE' } })) }));
  };

  const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  const filtered = Boolean(category || tag || from || to || accountId || debounced);
  const clearFilters = () => {
    setCategory('');
    setTag('');
    setFrom('');
    setTo('');
    setAccountId('');
    setQuery('');
    setDebounced('');
  };

  return (
    <section
      className="section ev-section"
      aria-labelledby="section-title"
      data-testid="section-evidence"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        dragDepth.current++;
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h1 id="section-title" tabIndex={-1}>
        {t('evidence.title')}
      </h1>
      <p className="lead ev-lead">{t('evidence.intro')}</p>

      <div className="ev-toolbar">
        <div className="ev-toolbar-group">
          <button type="button" className="button button-primary" onClick={() => addFiles('files')} disabled={imp.busy} data-testid="evidence-add-files">
            {t('evidence.toolbar.importFiles')}
          </button>
          <button type="button" className="button" onClick={() => addFiles('folder')} disabled={imp.busy} data-testid="evidence-add-folder">
            {t('evidence.toolbar.importFolder')}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            data-testid="evidence-file-input"
            onChange={(e) => {
              const files = filesFromInput(e.target.files);
              e.target.value = '';
              if (files.length) void imp.runUploads(files);
            }}
          />
          <input
            ref={folderInput}
            type="file"
            multiple
            hidden
            {...{ webkitdirectory: '' }}
            data-testid="evidence-folder-input"
            onChange={(e) => {
              const files = filesFromInput(e.target.files);
              e.target.value = '';
              if (files.length) void imp.runUploads(files);
            }}
          />
        </div>
        <div className="ev-toolbar-group">
          <button type="button" className="button button-quiet" onClick={() => void verify()} disabled={busy !== null} data-testid="evidence-verify">
            {busy === 'verify' ? (verifyPct !== null ? t('evidence.verify.progress', { pct: verifyPct }) : t('evidence.toolbar.verifying')) : t('evidence.toolbar.verify')}
          </button>
        </div>
      </div>
      <p className="help ev-drop-hint" id="ev-drop-hint">
        {t('evidence.drop.hint')}
      </p>

      {imp.job && <ImportPanel job={imp.job} onCancel={imp.cancel} onClose={imp.dismiss} />}
      {!trash && <OcrJobPanel itemCount={facets?.live ?? 0} onRead={() => void refresh()} />}
      {notice && (
        <Message kind={notice.kind} testId={notice.testId}>
          {notice.text}
        </Message>
      )}

      <fieldset className="ev-filters">
        <legend className="visually-hidden">{t('evidence.filters.label')}</legend>
        <div className="ev-filter ev-filter-search">
          <label className="field-label" htmlFor="ev-search">
            {t('evidence.filters.search')}
          </label>
          <input
            id="ev-search"
            type="search"
            className="input"
            value={query}
            placeholder={t('evidence.filters.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="evidence-search"
          />
        </div>
        <div className="ev-filter">
          <label className="field-label" htmlFor="ev-category">
            {t('evidence.filters.category')}
          </label>
          <select
            id="ev-category"
            className="select"
            value={category}
            onChange={(e) => setCategory(e.target.value as EvidenceCategory | '')}
            data-testid="evidence-filter-category"
          >
            <option value="">{t('evidence.filters.allCategories')}</option>
            <CategoryOptions />
          </select>
        </div>
        <div className="ev-filter">
          <label className="field-label" htmlFor="ev-tag">
            {t('evidence.filters.tag')}
          </label>
          <select id="ev-tag" className="select" value={tag} onChange={(e) => setTag(e.target.value)} data-testid="evidence-filter-tag">
            <option value="">{t('evidence.filters.allTags')}</option>
            {facets.tags.map((f) => (
              <option key={f.tag} value={f.tag}>
                {f.tag} ({f.count})
              </option>
            ))}
          </select>
        </div>
        <div className="ev-filter">
          <label className="field-label" htmlFor="ev-from">
            {t('evidence.filters.from')}
          </label>
          <input id="ev-from" type="date" className="input" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="evidence-filter-from" />
        </div>
        <div className="ev-filter">
          <label className="field-label" htmlFor="ev-to">
            {t('evidence.filters.to')}
          </label>
          <input id="ev-to" type="date" className="input" value={to} onChange={(e) => setTo(e.target.value)} data-testid="evidence-filter-to" />
        </div>
        <div className="ev-filter">
          <label className="field-label" htmlFor="ev-account">
            {t('evidence.filters.account')}
          </label>
          <select id="ev-account" className="select" value={accountId} onChange={(e) => setAccountId(e.target.value)} data-testid="evidence-filter-account">
            <option value="">{accounts.length ? t('evidence.filters.allAccounts') : t('evidence.filters.noAccounts')}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div className="ev-filter">
          <label className="field-label" htmlFor="ev-sort">
            {t('evidence.filters.sort')}
          </label>
          <span className="ev-sort">
            <select id="ev-sort" className="select" value={sort.by} onChange={(e) => setSort({ ...sort, by: e.target.value as Sort['by'] })} data-testid="evidence-sort">
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`evidence.filters.${SORT_KEYS[s]}`)}
                </option>
              ))}
            </select>
            <select
              className="select"
              aria-label={t('evidence.filters.sort')}
              value={sort.dir}
              onChange={(e) => setSort({ ...sort, dir: e.target.value as Sort['dir'] })}
              data-testid="evidence-sort-dir"
            >
              <option value="desc">{t('evidence.filters.desc')}</option>
              <option value="asc">{t('evidence.filters.asc')}</option>
            </select>
          </span>
        </div>
        {filtered && (
          <button type="button" className="button button-quiet ev-clear" onClick={clearFilters} data-testid="evidence-filter-clear">
            {t('evidence.filters.clear')}
          </button>
        )}
      </fieldset>

      <div className="ev-bar">
        <div className="ev-tabs" role="group" aria-label={t('evidence.filters.which')}>
          <button type="button" className={trash ? 'ev-tab' : 'ev-tab is-current'} aria-pressed={!trash} onClick={() => setTrash(false)} data-testid="evidence-show-live">
            {t('evidence.filters.live', { n: facets.live })}
          </button>
          <button type="button" className={trash ? 'ev-tab is-current' : 'ev-tab'} aria-pressed={trash} onClick={() => setTrash(true)} data-testid="evidence-show-trash">
            {t('evidence.filters.trash', { n: facets.trash })}
          </button>
        </div>
        <div className="ev-selection" aria-live="polite">
          <span data-testid="evidence-count">{t('evidence.count', { n: items.length })}</span>
          {selected.size > 0 && <span>{t('evidence.toolbar.selected', { n: selected.size })}</span>}
          <button
            type="button"
            className="button button-quiet ev-small"
            onClick={() => setSelected(new Set(items.map((i) => i.id)))}
            disabled={items.length === 0}
            data-testid="evidence-select-all"
          >
            {t('evidence.toolbar.selectAll')}
          </button>
          {selected.size > 0 && (
            <>
              <button type="button" className="button button-quiet ev-small" onClick={() => setSelected(new Set())}>
                {t('evidence.toolbar.clearSelection')}
              </button>
              <button type="button" className="button ev-small" onClick={() => void exportSelected()} disabled={busy !== null} data-testid="evidence-export-selected">
                {busy === 'export' ? t('evidence.toolbar.exporting') : t('evidence.toolbar.exportSelected', { n: selected.size })}
              </button>
              <button type="button" className="button ev-small" onClick={() => void trashSelected()} disabled={busy !== null} data-testid="evidence-trash-selected">
                {trash ? t('evidence.toolbar.restoreSelected', { n: selected.size }) : t('evidence.toolbar.trashSelected', { n: selected.size })}
              </button>
              {!trash && (
                <button type="button" className="button ev-small" onClick={() => setMakeContact([...selected])} disabled={busy !== null} data-testid="evidence-make-contact">
                  {t('evidence.toolbar.makeContact')}
                </button>
              )}
              {trash && (
                <button
                  type="button"
                  className="button ev-small ev-button-danger-quiet"
                  onClick={() => setPurgeIds([...selected])}
                  disabled={busy !== null}
                  data-testid="evidence-purge-selected"
                >
                  {t('evidence.toolbar.purgeSelected', { n: selected.size })}
                </button>
              )}
            </>
          )}
        </div>
        <div className="ev-tabs" role="group" aria-label={t('evidence.filters.view')}>
          <button
            type="button"
            className={view === 'grid' ? 'ev-tab is-current' : 'ev-tab'}
            aria-pressed={view === 'grid'}
            onClick={() => setView('grid')}
            data-testid="evidence-view-grid"
          >
            {t('evidence.filters.grid')}
          </button>
          <button
            type="button"
            className={view === 'list' ? 'ev-tab is-current' : 'ev-tab'}
            aria-pressed={view === 'list'}
            onClick={() => setView('list')}
            data-testid="evidence-view-list"
          >
            {t('evidence.filters.list')}
          </button>
        </div>
      </div>

      {listError ? <Message kind="error">{errorText(t, listError)}</Message> : null}
      {loaded && items.length === 0 ? (
        <div className="empty-state ev-empty" data-testid="evidence-empty">
          <p className="empty-state-title">{trash ? t('evidence.empty.trash') : filtered ? t('evidence.empty.noMatch') : t('evidence.empty.none')}</p>
          {!trash && !filtered && <p className="empty-state-note">{t('evidence.empty.noneHint')}</p>}
        </div>
      ) : view === 'grid' ? (
        <EvidenceGrid items={items} mode={mode} selected={selected} onToggle={toggle} onOpen={setOpenId} />
      ) : (
        <EvidenceList items={items} mode={mode} selected={selected} onToggle={toggle} onOpen={setOpenId} />
      )}

      {dragging && (
        <div className="ev-drop-overlay" aria-hidden="true" data-testid="evidence-drop-overlay">
          <p>{t('evidence.drop.overlay')}</p>
        </div>
      )}
      {openId && (
        <EvidenceDetail
          key={openId}
          id={openId}
          mode={mode}
          accounts={accounts}
          onClose={() => setOpenId(null)}
          onChanged={() => void refresh()}
          onPurge={(ids) => setPurgeIds(ids)}
        />
      )}
      {makeContact && <MakeContact evidenceIds={makeContact} onClose={() => setMakeContact(null)} onMade={() => setSelected(new Set())} />}
      {purgeIds && <ConfirmPurge count={purgeIds.length} busy={busy === 'purge'} onCancel={() => setPurgeIds(null)} onConfirm={() => void purge(purgeIds)} />}
    </section>
  );
}
