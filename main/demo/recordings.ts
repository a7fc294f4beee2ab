// Call recordings as real audio: 8 kHz mono 16-bit PCM WAV with the story's durations, a
// voice-like signal (syllable-rate bursts of a few formant tones) rather than silence.
import { monoWav16 } from './wav';
export function wavRecording(seconds: number, seed: number): Buffer {
  const rate = 8000;
  let state = seed >>> 0 || 1;
  const rand = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) / 0xffffffff) * 2 - 1;
  };
  return monoWav16(rate, Math.round(seconds * rate), (i) => {
    const t = i / rate;
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 3.1 * t + seed)) ** 2;
    const speaker = Math.sin(2 * Math.PI * 0.07 * t + seed) > 0 ? 1 : 0.6;
    const voice = Math.sin(2 * Math.PI * 180 * speaker * t) * 0.5 + Math.sin(2 * Math.PI * 720 * t) * 0.25 + rand() * 0.08;
    return Math.round(voice * syllable * 9000);
  });
}
