// Call recordings as real audio: 8 kHz mono 16-bit PCM WAV with the story's durations, a
// voice-like signal (syllable-rate bursts of a few formant tones) rather than silence.
export function wavRecording(seconds: number, seed: number): Buffer {
  const rate = 8000;
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  let state = seed >>> 0 || 1;
  const rand = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) / 0xffffffff) * 2 - 1;
  };
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 3.1 * t + seed)) ** 2;
    const speaker = Math.sin(2 * Math.PI * 0.07 * t + seed) > 0 ? 1 : 0.6;
    const voice = Math.sin(2 * Math.PI * 180 * speaker * t) * 0.5 + Math.sin(2 * Math.PI * 720 * t) * 0.25 + rand() * 0.08;
    data.writeInt16LE(Math.round(voice * syllable * 9000), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
