/** How strong a pretend password is, for the password practice's meter. */
export type Strength = 'weak' | 'fair' | 'strong';

/** Length is what matters most: a sentence of several words beats a short jumble. */
export function passwordStrength(text: string): Strength {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word.length >= 3);
  const length = [...text.trim()].length;
  if (length >= 16 || (words.length >= 4 && length >= 14)) return 'strong';
  if (length >= 10) return 'fair';
  return 'weak';
}
