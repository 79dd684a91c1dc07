/**
 * Keyboard input for the guest console. On a terminal: raw mode, every byte goes to the guest
 * (Ctrl-C included); Ctrl-A then x quits, as in QEMU. From a pipe or file it streams through;
 * with no input the queue simply stays empty (the guest sees "no character", -1).
 */
const FIRST_INPUT_WAIT_MS = 200;

export class ConsoleInput {
  quit = false;
  private escape = false;
  private detachFn: (() => void) | undefined;

  /** `sink` receives the guest's bytes (the UART's receive queue, which SBI reads share). */
  constructor(private readonly sink: (bytes: Uint8Array) => void) {}

  push(bytes: Uint8Array): void {
    const out: number[] = [];
    for (const b of bytes) {
      if (this.escape) {
        this.escape = false;
        if (b === 0x78 /* x */) { this.quit = true; continue; }
        if (b !== 0x01) out.push(0x01);
      } else if (b === 0x01 && this.raw) { this.escape = true; continue; }
      out.push(b);
    }
    if (out.length) this.sink(Uint8Array.from(out));
  }

  private raw = false;

  /**
   * Start reading. Resolves once input from a pipe or file is there from the start (its first chunk,
   * its end, or after FIRST_INPUT_WAIT_MS), so `echo text | trapvisor boot ...` is seen by a guest
   * that reads at once; on a terminal it resolves at once (the user types while the guest runs).
   */
  attach(stdin: NodeJS.ReadStream): Promise<void> {
    if (stdin.isTTY) {
      stdin.setRawMode(true);
      this.raw = true;
    }
    let first: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      first = resolve;
      if (stdin.isTTY) resolve();
      else setTimeout(resolve, FIRST_INPUT_WAIT_MS).unref();
    });
    const onData = (chunk: Buffer): void => { this.push(chunk); first(); };
    stdin.on("data", onData);
    stdin.on("end", () => first());
    stdin.on("error", () => first());
    stdin.resume();
    this.detachFn = () => {
      stdin.off("data", onData);
      if (this.raw) stdin.setRawMode(false);
      stdin.pause();
      stdin.unref?.();
    };
    return ready;
  }

  detach(): void {
    this.detachFn?.();
    this.detachFn = undefined;
  }
}
