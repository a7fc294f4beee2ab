// Where the renderer reads evidence bytes. One helper knows the mode: the Electron app
// reads vault://<kind>/<id> (main's protocol handler), the browser harness reads
// /vault/<kind>/<id> on its own origin (authorised by an HttpOnly cookie).
export type ByteKind = 'original' | 'thumb' | 'display';
export type AppMode = 'electron' | 'harness';

export function evidenceBytesUrl(mode: AppMode, kind: ByteKind, id: string): string {
  return mode === 'electron' ? `vault://${kind}/${id}` : `${location.origin}/vault/${kind}/${id}`;
}
