// A growing delay after repeated wrong passphrases, enforced in main (the UI only shows it):
// the 3rd failure waits 1 s, then 2, 4, 8 … up to 60 s. A success resets it.
import { TooManyAttemptsError } from '../../shared/errors';

export const FREE_ATTEMPTS = 2;
export const MAX_DELAY_MS = 60_000;

export function delayAfter(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS - 1));
}

export class UnlockThrottle {
  private failures = 0;
  private notBefore = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws TOO_MANY_ATTEMPTS while the delay after the last failure is running. */
  assertMayTry(): void {
    const wait = this.notBefore - this.now();
    if (wait > 0) throw new TooManyAttemptsError(wait);
  }

  recordFailure(): number {
    this.failures++;
    const delay = delayAfter(this.failures);
    this.notBefore = this.now() + delay;
    return delay;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.notBefore = 0;
  }
}
