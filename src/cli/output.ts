import { writeSync } from "node:fs";

/** Buffered synchronous writer for a file descriptor: the run loop is synchronous, so is output. */
export class FdWriter {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private static readonly encoder = new TextEncoder();

  constructor(private readonly fd: number, private readonly limit = 1 << 16) {}

  bytes(b: Uint8Array): void {
    this.chunks.push(b.slice());
    this.size += b.length;
    if (this.size >= this.limit || b.includes(10)) this.flush();
  }

  text(s: string): void {
    const b = FdWriter.encoder.encode(s);
    this.chunks.push(b);
    this.size += b.length;
    if (this.size >= this.limit) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    const all = Buffer.concat(this.chunks);
    this.chunks = [];
    this.size = 0;
    let off = 0;
    while (off < all.length) {
      try {
        off += writeSync(this.fd, all, off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
        if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
        throw e;
      }
    }
  }
}
