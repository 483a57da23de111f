import { createInterface, type Interface } from 'node:readline/promises';

/**
 * Questions on a terminal, with node's own readline rather than a prompt library: hipchat-connect is a
 * runtime dependency of every add-on it creates, and `new` asks six plain questions once, which does not
 * justify a dependency in every production install. Enter takes the default shown in brackets.
 */
export interface Asker {
  /** Asks until `check` accepts the answer (it returns a problem to show, or undefined). */
  text(question: string, fallback: string, check?: (answer: string) => string | undefined): Promise<string>;
  /** Asks for one of `choices`, by number or by name. */
  choose(question: string, choices: ReadonlyArray<{ name: string; summary: string }>, fallback: string): Promise<string>;
  close(): void;
}

export function terminalAsker(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Asker {
  const lines: Interface = createInterface({ input, output });
  const text: Asker['text'] = async (question, fallback, check) => {
    for (;;) {
      const answer = (await lines.question(`${question}${fallback === '' ? '' : ` [${fallback}]`}: `)).trim() || fallback;
      const problem = check?.(answer);
      if (problem === undefined) return answer;
      output.write(`  ${problem}\n`);
    }
  };
  return {
    text,
    async choose(question, choices, fallback) {
      choices.forEach((choice, index) => output.write(`  ${index + 1}. ${choice.name.padEnd(12)} ${choice.summary}\n`));
      const answer = await text(question, fallback, (given) =>
        choiceOf(choices, given) === undefined ? `Answer 1 to ${choices.length}, or a name.` : undefined);
      return choiceOf(choices, answer) as string;
    },
    close: () => lines.close(),
  };
}

function choiceOf(choices: ReadonlyArray<{ name: string }>, answer: string): string | undefined {
  const byNumber = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
  return (byNumber ?? choices.find((choice) => choice.name === answer))?.name;
}
