/** Where an admin command writes: standard output and error in the CLI, buffers in tests. */
export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}
