/**
 * A count typed into a field, as a number: NaN when empty or not a whole number of at most
 * four digits. Arabic-Indic and Persian keyboards type their own digits, so those count too.
 */
export function parseCount(text: string): number {
  const western = text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) =>
    String(digit.charCodeAt(0) & 0xf),
  );
  return /^\s*\d{1,4}\s*$/.test(western) ? Number.parseInt(western, 10) : Number.NaN;
}
