/** A problem with the user's command line or input files: one line, exit code 2, no stack. */
export class UsageError extends Error {}

export const ExitCode = {
  ok: 0,
  usage: 2,
  limit: 3,
  livelock: 4,
  terminated: 5,
  internal: 70,
} as const;

/** A guest status as a process exit code: non-zero stays non-zero even when its low byte is 0. */
export function guestExitCode(status: number): number {
  if (status === 0) return 0;
  const low = status & 0xff;
  return low === 0 ? 1 : low;
}
