// Labelled form controls for the case pages: every input has a visible label, its help and
// its error are tied to it with aria-describedby, and an error is announced (role="alert").
import type { ReactNode } from 'react';

interface Base {
  id: string;
  label: string;
  testId: string;
  help?: string | undefined;
  error?: string | null | undefined;
  className?: string;
}

function describedBy(p: Base): string | undefined {
  const ids = [p.help ? `${p.id}-help` : '', p.error ? `${p.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Notes(p: Base) {
  return (
    <>
      {p.help && (
        <p className="help case-field-help" id={`${p.id}-help`}>
          {p.help}
        </p>
      )}
      {p.error && (
        <p className="case-field-error" id={`${p.id}-error`} role="alert" data-testid={`${p.testId}-error`}>
          {p.error}
        </p>
      )}
    </>
  );
}

export interface TextFieldProps extends Base {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  /** decimal: amounts and rates (a numeric keyboard where there is one); still free text, so ¥ and ，work. */
  kind?: 'text' | 'decimal' | 'date' | 'count' | 'tel';
  unit?: string;
  multiline?: boolean;
  autoComplete?: string;
  width?: 'narrow' | 'medium' | 'wide';
}

export function TextField(p: TextFieldProps) {
  const common = {
    id: p.id,
    value: p.value,
    onChange: (e: { target: { value: string } }) => p.onChange(e.target.value),
    onBlur: p.onBlur,
    'aria-describedby': describedBy(p),
    'aria-invalid': p.error ? true : undefined,
    'data-testid': p.testId,
    placeholder: p.placeholder,
  };
  const inputMode = p.kind === 'decimal' ? 'decimal' : p.kind === 'count' ? 'numeric' : p.kind === 'tel' ? 'tel' : undefined;
  return (
    <div className={`field case-field ${p.className ?? ''}`}>
      <label htmlFor={p.id} className="field-label">
        {p.label}
      </label>
      <div className="input-with-unit">
        {p.multiline ? (
          <textarea {...common} className="input case-textarea" rows={4} />
        ) : (
          <input
            {...common}
            className={`input case-input case-input-${p.width ?? (p.kind === 'decimal' || p.kind === 'date' ? 'medium' : p.kind === 'count' ? 'narrow' : 'wide')}`}
            type="text"
            inputMode={inputMode}
            autoComplete={p.autoComplete ?? 'off'}
            spellCheck={false}
          />
        )}
        {p.unit && <span className="unit">{p.unit}</span>}
      </div>
      <Notes {...p} />
    </div>
  );
}

export interface SelectFieldProps<V extends string> extends Base {
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}

export function SelectField<V extends string>(p: SelectFieldProps<V>) {
  return (
    <div className={`field case-field ${p.className ?? ''}`}>
      <label htmlFor={p.id} className="field-label">
        {p.label}
      </label>
      <select id={p.id} className="select" value={p.value} onChange={(e) => p.onChange(e.target.value as V)} aria-describedby={describedBy(p)} data-testid={p.testId}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Notes {...p} />
    </div>
  );
}

export function CheckboxField(p: { id: string; label: ReactNode; checked: boolean; onChange: (v: boolean) => void; testId: string; help?: string }) {
  return (
    <div className="field case-field">
      <label className="checkbox-row" htmlFor={p.id}>
        <input
          id={p.id}
          type="checkbox"
          className="checkbox"
          checked={p.checked}
          onChange={(e) => p.onChange(e.target.checked)}
          data-testid={p.testId}
          aria-describedby={p.help ? `${p.id}-help` : undefined}
        />
        <span>{p.label}</span>
      </label>
      {p.help && (
        <p className="help case-field-help" id={`${p.id}-help`}>
          {p.help}
        </p>
      )}
    </div>
  );
}

/** A figure with its label, for the headline rows ("本金 ¥10,000.00"). */
export function Figure({ label, value, testId, strong }: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <div className={strong ? 'case-figure case-figure-strong' : 'case-figure'}>
      <dt className="case-figure-label">{label}</dt>
      <dd className="case-figure-value" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
