// Turns a thrown API error into a message in the current language: the translation of its
// code (errors.<CODE>) with its params, else the Chinese message that came with it.
import { isErrorCode, type ErrorCode } from '../../../shared/errors';
import { formatDetail, isDetailKey } from '../../../shared/error-details';
import { currentLocale, type Translate } from '../i18n';

export function errorCodeOf(err: unknown): ErrorCode | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return isErrorCode(code) ? code : undefined;
}

export function errorParamsOf(err: unknown): Record<string, string | number> {
  const params = typeof err === 'object' && err !== null ? (err as { params?: unknown }).params : undefined;
  if (typeof params !== 'object' || params === null) return {};
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/** Seconds to wait from a TOO_MANY_ATTEMPTS error, or null for any other error. */
export function retryAfterSeconds(err: unknown): number | null {
  if (errorCodeOf(err) !== 'TOO_MANY_ATTEMPTS') return null;
  const seconds = Number(errorParamsOf(err).seconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 1;
}

export function errorText(t: Translate, err: unknown): string {
  const code = errorCodeOf(err);
  if (code) {
    const params = errorParamsOf(err);
    // A detail sent as a code is rendered in the UI's language (shared/error-details.ts).
    if (isDetailKey(params.detailKey)) params.detail = formatDetail(params.detailKey, params, currentLocale());
    return t(`errors.${code}`, params);
  }
  if (err instanceof Error && err.message) return err.message;
  return t('errors.INTERNAL');
}
