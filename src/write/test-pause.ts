// For the crash tests only: with ASXH_TEST_PAUSE=POINT the process says so on stderr and stops at that point of
// writing, so a test can kill it there (SIGKILL) and look at what a crash at that moment leaves on disk.
const WAIT_MS = 120_000;

export function testPause(point: string): void {
  if (process.env.ASXH_TEST_PAUSE !== point) return;
  process.stderr.write(`ASXH_TEST_PAUSE ${point}\n`);
  // Blocks the whole process, as a machine that stops dead would.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAIT_MS);
}
