/**
 * Realistic messages in any number: real sample lines with every digit run redrawn at random, handed
 * over as the api holds them (fresh strings out of `JSON.parse`).
 */
export function createSyntheticMessages(samples: readonly string[], first: number, count: number): string[] {
  const messages: string[] = [];
  for (let index = first; index < first + count; index++) {
    messages.push(samples[index % samples.length].replace(/[0-9]+/g, redrawDigits));
  }
  return JSON.parse(JSON.stringify(messages));
}

function redrawDigits(run: string): string {
  let digits = '';
  for (let index = 0; index < run.length; index++) digits += Math.floor(Math.random() * 10);
  return digits;
}
