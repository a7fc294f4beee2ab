// Something to tell the user, kept as a key (or the error itself) rather than as text,
// so it is translated when shown and follows a change of language.
import type { TKey, Translate, TVars } from '../i18n';
import { errorCodeOf, errorText } from './errors';

export type Said =
  | { key: TKey; vars?: TVars }
  /** An API error; `wrongPassphrase` replaces the plain WRONG_PASSPHRASE text. */
  | { error: unknown; wrongPassphrase?: TKey };

export function sayText(t: Translate, said: Said): string {
  if ('key' in said) return t(said.key, said.vars);
  if (said.wrongPassphrase && errorCodeOf(said.error) === 'WRONG_PASSPHRASE') return t(said.wrongPassphrase);
  return errorText(t, said.error);
}
