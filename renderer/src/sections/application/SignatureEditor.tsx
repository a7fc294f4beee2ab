// The handwritten signature printed above the typed name in the letter's signature block.
// It lives in the vault (package:signature*). The person draws it on the pad or imports a
// photo of one signed on paper; main decodes and normalises it, and refuses anything that
// is not an image (the stored one is then left as it was).
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { currentLocale, useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { Message } from '../../components/Message';
import { base64ToBytes, readAsBase64 } from '../../lib/upload';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import './package-tools.css';

/**
 * MAX_SIGNATURE_BYTES of shared/contracts/package.ts, repeated here: importing the contract
 * would bundle zod into the renderer. Main enforces the real limit.
 */
const MAX_SIGNATURE_BYTES = 4 * 1024 * 1024;

interface Stored {
  url: string;
  source: 'drawn' | 'imported' | null;
  width: number | null;
  height: number | null;
}

type Notice = { kind: 'error' | 'success' | 'info'; text: string } | null;

export function SignatureEditor(props: { onChange?: (hasSignature: boolean) => void }) {
  const t = useT();
  const [stored, setStored] = useState<Stored | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [padOpen, setPadOpen] = useState(false);
  const [strokes, setStrokes] = useState(0);
  const [busy, setBusy] = useState<'save' | 'import' | 'delete' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const pad = useRef<SignaturePadHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const onChangeRef = useRef(props.onChange);
  onChangeRef.current = props.onChange;
  const alive = useRef(true);
  const noteId = useId();

  // The image is shown through a blob: URL (the CSP allows blob:, not data:), revoked when
  // replaced and on unmount.
  const urlRef = useRef<string | null>(null);
  const showStored = (next: Stored | null) => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = next?.url ?? null;
    setStored(next);
  };
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
      urlRef.current = null;
    };
  }, []);

  const load = useCallback(async () => {
    const s = await api().package.signatureGet();
    if (!alive.current) return false;
    const has = s.image !== null;
    showStored(has ? { url: URL.createObjectURL(new Blob([base64ToBytes(s.image!)], { type: 'image/png' })), source: s.source, width: s.width, height: s.height } : null);
    setLoaded(true);
    // With nothing stored the pad is where to start.
    if (!has) setPadOpen(true);
    onChangeRef.current?.(has);
    return has;
  }, []);

  useEffect(() => {
    load().catch((err: unknown) => {
      if (!alive.current) return;
      setLoaded(true);
      setPadOpen(true);
      setNotice({ kind: 'error', text: errorText(t, err) });
      onChangeRef.current?.(false);
    });
    // Loaded once; a change of language needs no reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t only words a failure; see above
  }, [load]);

  useEffect(() => {
    if (confirmDelete) confirmButton.current?.focus();
  }, [confirmDelete]);

  const store = async (data: string, source: 'drawn' | 'imported') => {
    await api().package.signatureSet({ data, source });
    await load();
  };

  const saveDrawn = async () => {
    if (!pad.current || strokes === 0) return;
    setBusy('save');
    setNotice(null);
    try {
      const png = await pad.current.toPng();
      if (!png) throw new Error(t('packageTools.signature.emptyPad'));
      await store(await readAsBase64(png), 'drawn');
      if (!alive.current) return;
      pad.current?.clear();
      setPadOpen(false);
      setNotice({ kind: 'success', text: t('packageTools.signature.saved') });
    } catch (err) {
      if (alive.current) setNotice({ kind: 'error', text: errorText(t, err) });
    } finally {
      if (alive.current) setBusy(null);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    const keep = stored ? t('packageTools.signature.keptPrevious') : '';
    if (file.size > MAX_SIGNATURE_BYTES) {
      setNotice({ kind: 'error', text: t('packageTools.signature.tooLarge', { size: formatBytes(t, file.size, currentLocale()) }) + keep });
      return;
    }
    setBusy('import');
    try {
      await store(await readAsBase64(file), 'imported');
      if (!alive.current) return;
      setPadOpen(false);
      setNotice({ kind: 'success', text: t('packageTools.signature.imported') });
    } catch (err) {
      // Main refused it (not an image, damaged, animated): nothing was stored.
      if (alive.current) setNotice({ kind: 'error', text: `${t('packageTools.signature.importFailed')}${errorText(t, err)}${keep}` });
    } finally {
      if (alive.current) setBusy(null);
    }
  };

  const remove = async () => {
    setBusy('delete');
    setNotice(null);
    try {
      await api().package.signatureClear();
      await load();
      if (!alive.current) return;
      setConfirmDelete(false);
      setNotice({ kind: 'info', text: t('packageTools.signature.deleted') });
    } catch (err) {
      if (alive.current) setNotice({ kind: 'error', text: errorText(t, err) });
    } finally {
      if (alive.current) setBusy(null);
    }
  };

  const sourceText = stored?.source === 'imported' ? t('packageTools.signature.sourceImported') : t('packageTools.signature.sourceDrawn');

  return (
    // No heading of its own: the wizard's signature step titles and explains it.
    <div className="pt-signature" role="group" aria-label={t('packageTools.signature.title')} data-testid="signature-editor" data-has-signature={stored ? 'true' : 'false'}>
      {!loaded && <p className="help">{t('packageTools.common.loading')}</p>}

      {loaded && stored && (
        <div className="pt-sig-current" data-testid="signature-current">
          <p className="pt-sig-caption">
            {t('packageTools.signature.current')} <span className="help">（{sourceText}）</span>
          </p>
          <div className="pt-sig-paper">
            <img src={stored.url} alt={t('packageTools.signature.currentAlt')} className="pt-sig-image" data-testid="signature-image" />
          </div>
        </div>
      )}
      {loaded && !stored && (
        <p className="pt-sig-none" data-testid="signature-none">
          {t('packageTools.signature.none')}
        </p>
      )}

      {loaded && padOpen && (
        <div className="pt-pad">
          <p className="pt-sig-caption">{t('packageTools.signature.padTitle')}</p>
          <div className="pt-pad-paper">
            <SignaturePad ref={pad} label={t('packageTools.signature.padLabel')} describedBy={noteId} onStrokes={setStrokes} />
            <span className="pt-pad-line" aria-hidden="true" />
          </div>
          <p id={noteId} className="help">
            {t('packageTools.signature.padNote')}
          </p>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void saveDrawn()} disabled={strokes === 0 || busy !== null} data-testid="signature-save">
              {busy === 'save' ? t('packageTools.signature.saving') : t('packageTools.signature.save')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => pad.current?.undo()} disabled={strokes === 0 || busy !== null} data-testid="signature-undo">
              {t('packageTools.signature.undo')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => pad.current?.clear()} disabled={strokes === 0 || busy !== null} data-testid="signature-clear-pad">
              {t('packageTools.signature.clearPad')}
            </button>
            {stored && (
              <button type="button" className="button button-quiet" onClick={() => setPadOpen(false)} disabled={busy !== null}>
                {t('packageTools.signature.closePad')}
              </button>
            )}
          </div>
          {strokes === 0 && <p className="help">{t('packageTools.signature.emptyPad')}</p>}
        </div>
      )}

      {loaded && (
        <div className="form-actions">
          {stored && !padOpen && (
            <button type="button" className="button" onClick={() => setPadOpen(true)} disabled={busy !== null} data-testid="signature-redraw">
              {t('packageTools.signature.redraw')}
            </button>
          )}
          <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={busy !== null} data-testid="signature-import">
            {busy === 'import' ? t('packageTools.signature.importing') : t('packageTools.signature.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="signature-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so choosing the same file again still fires a change.
              e.target.value = '';
              void importFile(file);
            }}
          />
          {stored && !confirmDelete && (
            <button type="button" className="button pt-danger-quiet" onClick={() => setConfirmDelete(true)} disabled={busy !== null} data-testid="signature-delete">
              {t('packageTools.signature.delete')}
            </button>
          )}
        </div>
      )}

      {confirmDelete && stored && (
        <div className="pt-confirm" role="group" aria-label={t('packageTools.signature.deleteTitle')} data-testid="signature-delete-confirm">
          <p>
            <strong>{t('packageTools.signature.deleteTitle')}</strong> {t('packageTools.signature.deleteBody')}
          </p>
          <div className="form-actions">
            <button ref={confirmButton} type="button" className="button pt-danger" onClick={() => void remove()} disabled={busy !== null} data-testid="signature-delete-yes">
              {busy === 'delete' ? t('packageTools.signature.deleting') : t('packageTools.signature.deleteYes')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirmDelete(false)} disabled={busy !== null}>
              {t('packageTools.common.cancel')}
            </button>
          </div>
        </div>
      )}

      {notice && (
        <Message kind={notice.kind} testId="signature-message">
          {notice.text}
        </Message>
      )}
    </div>
  );
}
