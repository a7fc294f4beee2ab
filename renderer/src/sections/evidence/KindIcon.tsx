// A simple pictogram per kind of evidence, for items without a thumbnail.
import type { EvidenceKind } from '../../../../shared/evidence/media';

const PATHS: Record<EvidenceKind, string> = {
  image: 'M4 5h16v14H4z M7 15l3-4 3 3 2-2 3 3 M9 9.5a1.5 1.5 0 1 0 0.01 0',
  pdf: 'M6 3h9l4 4v14H6z M15 3v4h4 M9 12h7 M9 15h7 M9 18h5',
  audio: 'M4 12h2 M8 8v8 M11 5v14 M14 9v6 M17 7v10 M20 11v2',
  video: 'M4 6h12v12H4z M16 10l5-3v10l-5-3',
  text: 'M6 3h9l4 4v14H6z M9 11h7 M9 14h7 M9 17h7',
  email: 'M3 6h18v12H3z M3 6l9 7 9-7',
  other: 'M6 3h9l4 4v14H6z M15 3v4h4',
};

export function KindIcon({ kind }: { kind: EvidenceKind }) {
  return (
    <svg
      className="ev-kind-icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[kind]} />
    </svg>
  );
}
