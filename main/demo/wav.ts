// A PCM WAV file (mono, 16-bit) from a sample function: the one writer for the demo's
// recordings, the benchmark corpus and the tests' audio fixtures.
export function monoWav16(rate: number, count: number, sample: (i: number) => number): Buffer {
  return monoWav16Filled(rate, count, (pcm) => {
    for (let i = 0; i < count; i++) {
      const v = sample(i);
      if (!(v >= -32768 && v <= 32767)) throw new RangeError(`sample ${i} out of range: ${v}`);
      pcm[i] = v;
    }
  });
}

/** The same file, its samples written by `fill` straight into the sample array. */
export function monoWav16Filled(rate: number, count: number, fill: (pcm: Int16Array) => void): Buffer {
  const out = Buffer.alloc(44 + count * 2);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + count * 2, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28); // bytes per second
  out.writeUInt16LE(2, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(count * 2, 40);
  // Straight into the sample array (writeInt16LE per sample was a tenth of `xieshang demo`);
  // WAV is little-endian, so is every platform the app ships for.
  fill(new Int16Array(out.buffer, out.byteOffset + 44, count));
  return out;
}
