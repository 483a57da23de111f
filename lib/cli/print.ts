/** Writes a line for the user and returns the exit code that goes with it: `return print(stderr, why, 2)`. */
export function print(stream: NodeJS.WritableStream, text: string, code: number): number {
  stream.write(`${text}\n`);
  return code;
}
