// One date field for every form whose date feeds a letter or a figure: people type the date the
// way they write it (2026/10/10, 2026年10月10日, 10月10日, 2026-10 for a month); the field says
// back, before saving, which day it understood, and refuses impossible days in the person's
// language. The form keeps the typed text and reads it on save with readDateField().
import { useId, useState } from 'react';
import { todayBeijing } from '../../../shared/time/beijing';
import { dateInWordsZh, parseDateInput, type DateInputKind, type DateInputParts, type DateInputResult, type DateInputWhen } from '../../../shared/date-input';
import { currentLocale, useT, type Translate } from '../i18n';

export interface DateFieldProps {
  id?: string;
  label: string;
  testId: string;
  value: string;
  onChange: (text: string) => void;
  kind?: DateInputKind;
  when?: DateInputWhen;
  notAfterToday?: boolean;
  help?: string | undefined;
  /** An error from the form's own checks; when the text itself cannot be read, the parser's reason (in the UI's language) is shown instead. */
  error?: string | null | undefined;
  className?: string;
  placeholder?: string;
}

export interface DateRules {
  kind?: DateInputKind;
  when?: DateInputWhen;
  notAfterToday?: boolean;
}

function parse(text: string, rules: DateRules): DateInputResult {
  return parseDateInput(text, { today: todayBeijing(), kind: rules.kind ?? 'day', when: rules.when ?? 'any', notAfterToday: rules.notAfterToday ?? false });
}

/** The understood date in the UI's language. */
export function dateWords(parts: DateInputParts): string {
  const locale = currentLocale();
  if (locale !== 'en') return dateInWordsZh(parts);
  const d = new Date(Date.UTC(parts.year, parts.month - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0));
  if (parts.day === undefined) return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(d);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(d);
  if (parts.hour === undefined) return day;
  return `${day} ${String(parts.hour).padStart(2, '0')}:${String(parts.minute ?? 0).padStart(2, '0')}`;
}

/** The parser's refusal in the UI's language (the codes and params come from shared/date-input). */
export function dateErrorText(t: Translate, r: Extract<DateInputResult, { ok: false }>, label: string): string {
  return t(`forms.date.error.${r.code}`, { label, ...r.params });
}

export type DateRead = { ok: true; value: string | null } | { ok: false; error: string };

/** Reads a date field's text on save: the canonical value, null when empty and optional, or the reason. */
export function readDateField(t: Translate, text: string, label: string, rules: DateRules & { optional?: boolean } = {}): DateRead {
  if (text.trim() === '' && rules.optional) return { ok: true, value: null };
  const r = parse(text, rules);
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: dateErrorText(t, r, label) };
}

const PLACEHOLDER: Record<DateInputKind, string> = { day: '2026/10/10', month: '2026年10月', moment: '2026/10/10 14:30' };

export function DateField(p: DateFieldProps) {
  const t = useT();
  const auto = useId();
  const id = p.id ?? `date-${auto}`;
  const [touched, setTouched] = useState(false);
  const kind = p.kind ?? 'day';
  const typed = p.value.trim() !== '';
  const r = typed ? parse(p.value, p) : null;
  const parseError = r && !r.ok ? dateErrorText(t, r, p.label) : null;
  const error = parseError && (touched || p.error) ? parseError : (p.error ?? null);
  const notes = [p.help ? `${id}-help` : '', `${id}-understood`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field case-field date-field ${p.className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {p.label}
      </label>
      <input
        id={id}
        className={`input case-input case-input-${kind === 'moment' ? 'wide' : 'medium'}`}
        type="text"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        onBlur={() => setTouched(true)}
        placeholder={p.placeholder ?? PLACEHOLDER[kind]}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={notes}
        aria-invalid={error ? true : undefined}
        data-testid={p.testId}
      />
      {p.help && (
        <p className="help case-field-help" id={`${id}-help`}>
          {p.help}
        </p>
      )}
      <p className="help case-field-help date-understood" id={`${id}-understood`} aria-live="polite" data-testid={`${p.testId}-understood`}>
        {r && r.ok ? t(r.yearInferred ? 'forms.date.understoodInferred' : 'forms.date.understood', { words: dateWords(r.parts) }) : !typed ? t(`forms.date.hint.${kind}`) : ''}
      </p>
      {error && (
        <p className="case-field-error" id={`${id}-error`} role="alert" data-testid={`${p.testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
