/**
 * Prints the `staffPin` entry for kiosk-config.json: `npm run pin:hash -- 2580`. The PIN is
 * read from the argument or, better (not kept in the shell history), from standard input.
 */
import { createInterface } from 'node:readline/promises';
import { hashPin, pinSchema } from '../src/lib/pin-hash';

async function readPin(): Promise<string> {
  const fromArgument = process.argv[2];
  if (fromArgument) return fromArgument;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const pin = await prompt.question('Staff PIN (4–8 digits): ');
  prompt.close();
  return pin.trim();
}

const pin = await readPin();
if (!pinSchema.safeParse(pin).success) {
  console.error('The PIN must be 4–8 digits.');
  process.exit(2);
}
console.log(JSON.stringify({ staffPin: await hashPin(pin) }, null, 2));
