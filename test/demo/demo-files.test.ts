// The demo's generated files, made faster for issue 14 without changing what they are:
// - each chat screenshot, assembled row by row from pieces, has exactly the pixels of the
//   same screenshot drawn whole;
// - lines are set from the font's character map and advances, which must be what fontkit's
//   shaping gives for every text the screenshots draw;
// - the recordings' tones, turned one step per sample, stay the sines they stand for.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderConversation, wholeScreenshotSvg } from '../../main/demo/chat-screenshots';
import { notoSansSc } from '../../main/demo/font';
import { setLine, shapedLine, wrap } from '../../main/demo/glyph-text';
import { wavRecording } from '../../main/demo/recordings';
import * as story from '../../main/demo/story';

const rawPixels = async (input: Buffer) => sharp(input).ensureAlpha().raw().toBuffer({ resolveWithObject: true });

describe('demo chat screenshots', () => {
  it('every line is set as the shaping engine sets it (glyphs and advances), and wraps at 470 px', () => {
    const font = notoSansSc();
    const texts = new Set<string>(['我', ...story.conversations.map((c) => c.title), ...story.conversations.map((c) => Array.from(c.title)[0]!)]);
    for (let h = 0; h < 24; h++) for (const m of [0, 7, 15, 38, 59]) texts.add(`${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    for (const conv of story.conversations) {
      for (const line of conv.lines) {
        if (line.who === 'time') texts.add(line.text);
        else for (const l of wrap(font, line.text, 30, 470)) texts.add(l);
      }
    }
    expect(texts.size).toBeGreaterThan(150);
    for (const text of texts) expect(setLine(font, text), text).toEqual(shapedLine(font, text));
    // No wrapped line is wider than the bubble allows (but for a closing mark kept off the next line: 避头点).
    for (const conv of story.conversations) {
      for (const line of conv.lines.filter((l) => l.who !== 'time')) {
        const lines = wrap(font, line.text, 30, 470);
        expect(lines.join('')).toBe(line.text.replace(/\n/g, ''));
        for (const l of lines) expect(shapedLine(font, l).advances.reduce((a, b) => a + b, 0) * (30 / font.unitsPerEm)).toBeLessThanOrEqual(470 + 30);
      }
    }
  });

  it('a screenshot assembled from the strip, the frame and its status bar has the pixels of the same screenshot drawn whole', async () => {
    // One PNG and one JPEG conversation, every screenshot of each.
    for (const conv of [story.conversations.find((c) => c.format === 'png')!, story.conversations.find((c) => c.format === 'jpeg')!]) {
      const shots = await renderConversation(conv, 8);
      expect(shots.length).toBeGreaterThan(2);
      for (const [index, shot] of shots.entries()) {
        const clock = shot.capturedAt.slice(11, 16);
        const whole = await sharp(Buffer.from(wholeScreenshotSvg(conv, index, clock)))
          .ensureAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        // Both encoded the same way, so a JPEG compares too.
        const reference = sharp(whole.data, { raw: { width: whole.info.width, height: whole.info.height, channels: 4 } });
        const referenceBytes = conv.format === 'png' ? await reference.png({ compressionLevel: 6 }).toBuffer() : await reference.jpeg({ quality: 85 }).toBuffer();
        const [got, want] = await Promise.all([rawPixels(shot.bytes), rawPixels(referenceBytes)]);
        expect(got.info).toEqual(want.info);
        expect(got.data.equals(want.data), `${conv.key} screenshot ${index}`).toBe(true);
      }
      // Consecutive screenshots differ (the conversation scrolls), so a wrong offset would show.
      const first = await rawPixels(shots[0]!.bytes);
      const second = await rawPixels(shots[1]!.bytes);
      expect(first.data.equals(second.data)).toBe(false);
    }
  }, 60_000);
});

describe('demo call recordings', () => {
  it('are the sum of tones they stand for, sample by sample (within the truncation to 16 bits)', () => {
    const seconds = 4.5;
    const seed = 9;
    const wav = wavRecording(seconds, seed);
    expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(wav.readUInt32LE(24)).toBe(8000);
    const pcm = new Int16Array(wav.buffer, wav.byteOffset + 44, (wav.length - 44) / 2);
    expect(pcm.length).toBe(seconds * 8000);
    let state = seed;
    let peak = 0;
    for (let i = 0; i < pcm.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const t = i / 8000;
      const syllable = Math.max(0, Math.sin(2 * Math.PI * 3.1 * t + seed)) ** 2;
      const voice =
        (Math.sin(2 * Math.PI * 0.07 * t + seed) > 0 ? Math.sin(2 * Math.PI * 180 * t) : Math.sin(2 * Math.PI * 108 * t)) * 0.5 +
        Math.sin(2 * Math.PI * 720 * t) * 0.25 +
        state * 4.656612873077393e-10 * 0.08;
      const want = voice * syllable * 9000;
      expect(Math.abs(pcm[i]! - want), `sample ${i}`).toBeLessThan(1.01);
      peak = Math.max(peak, Math.abs(pcm[i]!));
    }
    expect(peak).toBeGreaterThan(5000); // a voice, not silence
  });
});
