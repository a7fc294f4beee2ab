// A status line. Errors are role="alert" (announced at once), the rest role="status".
import type { ReactNode } from 'react';

export type MessageKind = 'error' | 'success' | 'info' | 'warning';

export interface MessageProps {
  kind: MessageKind;
  testId?: string;
  id?: string;
  children: ReactNode;
}

export function Message({ kind, testId, id, children }: MessageProps) {
  return (
    <p id={id} className={`message message-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId} data-status={kind}>
      {children}
    </p>
  );
}
