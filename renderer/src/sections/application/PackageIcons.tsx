// Pass / fail marks: always shown next to a word, so the meaning never rests on colour.
export function CheckIcon() {
  return (
    <svg
      className="icon pt-icon pt-icon-ok"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4.5 12.5l5 5 10-11" />
    </svg>
  );
}

export function CrossIcon() {
  return (
    <svg className="icon pt-icon pt-icon-bad" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" aria-hidden="true" focusable="false">
      <path d="M6 6l12 12M18 6L6 18" />
    </svg>
  );
}
