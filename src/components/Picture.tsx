/**
 * Large line pictures for lesson steps and Testa cards. They illustrate text that is always
 * beside them, so they are decorative for assistive technology.
 */
import './picture.css';

const PICTURES = {
  tap: 'M20 44V22a4 4 0 0 1 8 0v10l8 2a5 5 0 0 1 4 6l-1 4M20 30l-4-3a4 4 0 0 0-5 6l9 11M24 4v6M12 9l4 4M36 9l-4 4',
  swipe: 'M18 44V20a4 4 0 0 1 8 0v10l8 2a5 5 0 0 1 4 6l-1 6M8 14l6-6 6 6M14 8v20',
  zoom: 'M20 6a14 14 0 1 0 0 28 14 14 0 0 0 0-28ZM30 30l12 12M20 14v12M14 20h12',
  mouse:
    'M24 4c-8 0-12 5-12 12v14c0 8 5 14 12 14s12-6 12-14V16c0-7-4-12-12-12ZM24 4v14M12 18h24M24 10v4',
  keyboard:
    'M4 14h40v22H4ZM10 20h2M16 20h2M22 20h2M28 20h2M34 20h4M10 26h2M16 26h2M22 26h2M28 26h2M34 26h4M14 31h20',
  globe:
    'M24 4a20 20 0 1 0 0 40 20 20 0 0 0 0-40ZM4 24h40M24 4c6 6 8 12 8 20s-2 14-8 20c-6-6-8-12-8-20s2-14 8-20M8 13h32M8 35h32',
  browser: 'M4 8h40v32H4ZM4 16h40M9 12h2M14 12h2M20 11h20v2H20M10 22h28M10 28h20M10 34h24',
  search: 'M20 6a14 14 0 1 0 0 28 14 14 0 0 0 0-28ZM30 30l12 12M12 20a8 8 0 0 1 8-8',
  email: 'M4 10h40v28H4ZM4 10l20 16 20-16M4 38l15-14M44 38 29 24',
  password: 'M6 18h36v14H6ZM12 25h2M18 25h2M24 25h2M30 25h2M36 25h2M10 38h28',
  lock: 'M12 22h24v20H12ZM16 22v-6a8 8 0 0 1 16 0v6M24 30v6',
  scam: 'M24 4 44 40H4ZM24 16v12M24 33v2',
  phone: 'M14 4h20v40H14ZM14 10h20M14 36h20M22 40h4',
  eleg: 'M14 4h20v40H14ZM14 10h20M14 36h20M19 23l4 4 7-8',
  mail: 'M4 14h40v26H4ZM4 14l20 14 20-14M16 6h16v8',
  video: 'M4 12h28v24H4ZM32 20l12-7v22l-12-7M14 20a4 4 0 1 0 0 8 4 4 0 0 0 0-8',
  payment: 'M4 12h40v26H4ZM4 19h40M10 30h10M30 30h6',
  health: 'M24 42S6 30 6 17a9 9 0 0 1 18-3 9 9 0 0 1 18 3c0 13-18 25-18 25ZM18 22h12M24 16v12',
  check: 'M24 4a20 20 0 1 0 0 40 20 20 0 0 0 0-40ZM14 24l7 7 13-14',
  ereader: 'M12 4h24v40H12ZM17 10h14M17 16h14M17 22h14M17 28h10M22 38h4',
  tablet: 'M6 8h36v32H6ZM6 34h36M22 37h4',
  smartphone: 'M15 4h18v40H15ZM15 9h18M15 38h18M22 41h4M19 16h10M19 21h10',
  vr: 'M4 16h40v16H30l-3-4h-6l-3 4H4ZM13 22a3 3 0 1 0 0 .1M35 22a3 3 0 1 0 0 .1',
  speaker: 'M14 4h20v40H14ZM24 20a7 7 0 1 0 0 14 7 7 0 0 0 0-14ZM24 9v2',
  ebook:
    'M6 10c6-3 12-3 18 0v30c-6-3-12-3-18 0ZM42 10c-6-3-12-3-18 0v30c6-3 12-3 18 0ZM30 18l4 4 6-7',
  newspaper:
    'M6 8h30v32H10a4 4 0 0 1-4-4ZM36 14h6v22a4 4 0 0 1-4 4M11 14h20M11 20h9M11 26h20M11 32h20M24 19h7v3h-7',
  scanner: 'M4 22h40v16H4ZM4 22l6-12h28l6 12M10 30h20M36 30h2',
} as const;

export type PictureName = keyof typeof PICTURES;

export function Picture({ name }: { name: PictureName }) {
  return (
    <svg
      className="picture"
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-picture={name}
    >
      <path d={PICTURES[name]} />
    </svg>
  );
}
