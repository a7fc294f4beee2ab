// node:crypto's SHA-256 for the package builder's originals (BuildOptions.sha256): attached
// files hashed chunk by chunk (the pure-JavaScript hash took ~70 ms for the demo's 10 MB of
// recordings, a 200 MB recording over a second) and whole exhibits (WebCrypto's digest in
// Node: 86 ms for 23 MB, this 14 ms).
import { createHash } from 'node:crypto';
import type { IncrementalSha256 } from '../../shared/pdf/hash';

export function nodeSha256(): IncrementalSha256 {
  const hash = createHash('sha256');
  return { update: (data) => hash.update(data), hex: () => hash.digest('hex') };
}
