// Call recordings as real audio: 8 kHz mono 16-bit PCM WAV with the story's durations, a
// voice-like signal (syllable-rate bursts of a few formant tones) rather than silence.
import { monoWav16Filled } from './wav';

const RATE = 8000;

export function wavRecording(seconds: number, seed: number): Buffer {
  const count = Math.round(seconds * RATE);
  // Five tones: the syllable rhythm (3.1 Hz), who speaks (0.07 Hz: one voice at 180 Hz, the
  // other at 108 Hz) and a formant (720 Hz). Each is a unit vector turned one step per sample
  // (four multiplications) rather than Math.sin, in one flat loop: the demo's ten minutes of
  // audio took 0.4 s of `xieshang demo` with five Math.sin calls per sample. Put back on the
  // exact value once a second, so rounding never adds up.
  const freq = [3.1, 0.07, 180, 108, 720];
  const phase = [seed, seed, 0, 0, 0];
  const step = freq.map((f) => (2 * Math.PI * f) / RATE);
  const cosStep = Float64Array.from(step, Math.cos);
  const sinStep = Float64Array.from(step, Math.sin);
  const c = new Float64Array(5);
  const s = new Float64Array(5);
  let state = seed | 0 || 1;
  return monoWav16Filled(RATE, count, (pcm) => {
    for (let i = 0; i < count; i++) {
      if (i % RATE === 0) {
        for (let k = 0; k < 5; k++) {
          c[k] = Math.cos(step[k]! * i + phase[k]!);
          s[k] = Math.sin(step[k]! * i + phase[k]!);
        }
      }
      state ^= state << 13; // xorshift32: the noise of a phone line
      state ^= state >>> 17;
      state ^= state << 5;
      const noise = state * 4.656612873077393e-10; // in (-1, 1)
      const syllable = s[0]! > 0 ? s[0]! * s[0]! : 0;
      const voice = (s[1]! > 0 ? s[2]! : s[3]!) * 0.5 + s[4]! * 0.25 + noise * 0.08;
      pcm[i] = voice * syllable * 9000; // |value| < 7600: the store truncates toward zero
      for (let k = 0; k < 5; k++) {
        const next = c[k]! * cosStep[k]! - s[k]! * sinStep[k]!;
        s[k] = s[k]! * cosStep[k]! + c[k]! * sinStep[k]!;
        c[k] = next;
      }
    }
  });
}
