/**
 * "Welcome" in each language the kiosk offers besides Swedish, written in that language. The
 * attract screen shows them; scripts/greeting-fonts.ts cuts the fonts they are drawn with
 * down to exactly these letters, so change both together (`npm run fonts:greetings`).
 */
export const GREETINGS: Record<string, string> = {
  sv: 'Välkommen',
  en: 'Welcome',
  ar: 'أهلاً وسهلاً',
  fa: 'خوش آمدید',
  so: 'Soo dhawoow',
  ti: 'እንቋዕ ብደሓን መጻእኩም',
  uk: 'Ласкаво просимо',
  fi: 'Tervetuloa',
};
