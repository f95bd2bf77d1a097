/**
 * Decorative line icons. Every icon is shown next to text (never alone), so they are hidden
 * from assistive technology and mirror themselves in right-to-left layouts where direction matters.
 */
import './icon.css';

const PATHS = {
  home: 'M3 11 12 3l9 8M5 10v10h5v-6h4v6h5V10',
  language:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-9 9h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9',
  textSize: 'M3 19 8 6l5 13M4.8 15h6.4M14 19l3.5-9 3.5 9M15.2 16h4.6',
  exit: 'M10 4H5v16h5M14 8l4 4-4 4M18 12H9',
  learn: 'M3 6c3-1.5 6-1.5 9 0v14c-3-1.5-6-1.5-9 0Zm18 0c-3-1.5-6-1.5-9 0v14c3-1.5 6-1.5 9 0Z',
  use: 'M4 4h16v12H4ZM9 20h6M12 16v4M7 8h10M7 12h6',
  try: 'M7 3h10v18H7ZM11 18h2M12 7l1 2 2 .3-1.5 1.4.4 2.1-1.9-1-1.9 1 .4-2.1L9 9.3l2-.3Z',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 4v5l3 2',
  person: 'M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8ZM4 21c0-4 4-6 8-6s8 2 8 6',
  back: 'M15 5l-7 7 7 7',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 7v7M12 7v.5',
  faceHappy:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18ZM8 14c1 1.7 2.4 2.5 4 2.5s3-.8 4-2.5M9 9.5v.5M15 9.5v.5',
  faceNeutral: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18ZM8 15h8M9 9.5v.5M15 9.5v.5',
  faceSad:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18ZM8 16.5c1-1.7 2.4-2.5 4-2.5s3 .8 4 2.5M9 9.5v.5M15 9.5v.5',
  check: 'M4 12l5 5L20 6',
} as const;

export type IconName = keyof typeof PATHS;

const DIRECTIONAL: ReadonlySet<IconName> = new Set(['back', 'exit']);

export function Icon({ name, size = '1.5em' }: { name: IconName; size?: string }) {
  return (
    <svg
      className={DIRECTIONAL.has(name) ? 'icon icon--directional' : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
