// A file the user chose → base64 for the import channels (the renderer never names a path).
// FileReader's data URL is the browser's own fast base64 encoder.

/** The harness accepts 64 MB request bodies; base64 grows a file by a third. */
export const MAX_UPLOAD_BYTES = 46 * 1024 * 1024;

export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export function newTaskId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The evidence bytes URL: vault:// in the app, /vault/ over the harness (cookie-protected). */
export function evidenceUrl(id: string): string {
  return location.protocol === 'app:' ? `vault://original/${id}` : `/vault/original/${id}`;
}
