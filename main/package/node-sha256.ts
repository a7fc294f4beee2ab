// node:crypto's SHA-256 for the package builder's attached originals (BuildOptions.sha256):
// the builder's pure-JavaScript hash took ~70 ms for the demo's 10 MB of recordings, and a
// 200 MB recording would take over a second of the thread.
import { createHash } from 'node:crypto';
import type { IncrementalSha256 } from '../../shared/pdf/hash';

export function nodeSha256(): IncrementalSha256 {
  const hash = createHash('sha256');
  return { update: (data) => hash.update(data), hex: () => hash.digest('hex') };
}
