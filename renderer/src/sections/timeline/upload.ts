// Small helpers of the timeline's screens (bytes go through ../../lib/upload.ts).

export function newTaskId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The evidence bytes URL: vault:// in the app, /vault/ over the harness (cookie-protected). */
export function evidenceUrl(id: string): string {
  return location.protocol === 'app:' ? `vault://original/${id}` : `/vault/original/${id}`;
}
