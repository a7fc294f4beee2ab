// The few web-platform globals shared/ uses. Node (≥ 20) and Chromium both have them, but
// shared/ is type-checked with neither the DOM's nor Node's types (it runs in main, the vault
// worker, the CLI and the renderer), so they are declared here as narrowly as shared/ uses
// them. Only shared/tsconfig.json sees this file: main and the renderer check the same code
// against their own full declarations. Using a global not listed here fails `npm run
// typecheck`, which is the point: add it here only if both sides really have it.

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

interface AbortSignal {
  readonly aborted: boolean;
}

interface ReadableStreamDefaultReader<T> {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: T }>;
  releaseLock(): void;
}

interface ReadableStream<R> {
  getReader(): ReadableStreamDefaultReader<R>;
  pipeThrough<T>(transform: { readable: ReadableStream<T>; writable: WritableStream<R> }): ReadableStream<T>;
}

interface WritableStream<W> {
  getWriter(): { write(chunk: W): Promise<void>; close(): Promise<void> };
}

declare class Blob {
  constructor(parts: readonly Uint8Array<ArrayBuffer>[]);
  stream(): ReadableStream<Uint8Array<ArrayBuffer>>;
}

declare class Response {
  constructor(body: ReadableStream<Uint8Array<ArrayBuffer>>);
  readonly ok: boolean;
  readonly status: number;
  readonly body: ReadableStream<Uint8Array<ArrayBuffer>> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

type CompressionFormat = 'deflate' | 'deflate-raw' | 'gzip';

declare class CompressionStream {
  constructor(format: CompressionFormat);
  readonly readable: ReadableStream<Uint8Array<ArrayBuffer>>;
  readonly writable: WritableStream<Uint8Array<ArrayBuffer>>;
}

declare class DecompressionStream {
  constructor(format: CompressionFormat);
  readonly readable: ReadableStream<Uint8Array<ArrayBuffer>>;
  readonly writable: WritableStream<Uint8Array<ArrayBuffer>>;
}
