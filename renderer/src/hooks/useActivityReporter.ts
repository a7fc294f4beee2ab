// Tells main the user is active (keys, pointer, wheel) so idle auto-lock measures real
// idleness. At most one report per 30 s: the first activity is reported at once, and
// activity inside the quiet period is reported once when the period ends.
import { useEffect } from 'react';
import { api } from '../lib/api';

export const ACTIVITY_THROTTLE_MS = 30_000;
const EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

export function useActivityReporter(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    let lastSent = -Infinity;
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const send = () => {
      lastSent = Date.now();
      pending = false;
      api()
        .session.activity()
        .catch(() => undefined); // a locked or closing vault is not an error here
    };
    const onActivity = () => {
      const wait = lastSent + ACTIVITY_THROTTLE_MS - Date.now();
      if (wait <= 0) {
        send();
        return;
      }
      pending = true;
      timer ??= setTimeout(() => {
        timer = null;
        if (pending) send();
      }, wait);
    };

    const options: AddEventListenerOptions = { capture: true, passive: true };
    for (const name of EVENTS) window.addEventListener(name, onActivity, options);
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, onActivity, options);
      if (timer) clearTimeout(timer);
    };
  }, [enabled]);
}
