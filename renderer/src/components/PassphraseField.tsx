// A passphrase input with its label and a show/hide button. Showing the text also lets
// Chinese input methods work (most IMEs are switched off in password fields).
import { useState, type Ref } from 'react';
import { useT } from '../i18n';

export interface PassphraseFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  autoComplete: 'new-password' | 'current-password';
  describedBy?: string | undefined;
  invalid?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

export function PassphraseField(props: PassphraseFieldProps) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const toggleText = shown ? t('passphrase.hide') : t('passphrase.show');
  return (
    <div className="field">
      <label htmlFor={props.id} className="field-label">
        {props.label}
      </label>
      <div className="passphrase-row">
        <input
          id={props.id}
          ref={props.inputRef}
          className="input passphrase-input"
          type={shown ? 'text' : 'password'}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          autoComplete={props.autoComplete}
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid ? true : undefined}
          disabled={props.disabled}
          data-testid={props.testId}
        />
        <button
          type="button"
          className="button button-quiet passphrase-toggle"
          onClick={() => setShown((s) => !s)}
          aria-controls={props.id}
          aria-label={`${toggleText} ${props.label}`}
          disabled={props.disabled}
          data-testid={`${props.testId}-toggle`}
        >
          {toggleText}
        </button>
      </div>
    </div>
  );
}
