/**
 * A QR code drawn as SVG, generated on the kiosk (no network): the qrcode library only
 * computes the modules; React draws them, so no HTML string is injected. The library is
 * loaded when a visitor first asks for a code, keeping it out of the first screen's bundle.
 */
import { useEffect, useState } from 'react';
import './qr-code.css';

interface QrModules {
  size: number;
  dark: boolean[];
}

async function computeModules(text: string): Promise<QrModules> {
  const { default: QRCode } = await import('qrcode');
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const dark: boolean[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      dark.push(Boolean(modules.get(row, column)));
    }
  }
  return { size: modules.size, dark };
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const [qr, setQr] = useState<{ text: string; modules: QrModules } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void computeModules(text).then((modules) => {
      if (!cancelled) setQr({ text, modules });
    });
    return () => {
      cancelled = true;
    };
  }, [text]);

  if (!qr || qr.text !== text) return <div className="qr qr--pending" aria-hidden="true" />;
  const { size, dark } = qr.modules;
  const quiet = 4; // the quiet zone scanners need around the code
  let path = '';
  dark.forEach((isDark, position) => {
    if (!isDark) return;
    const x = (position % size) + quiet;
    const y = Math.floor(position / size) + quiet;
    path += `M${x} ${y}h1v1h-1z`;
  });
  const extent = size + quiet * 2;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
      data-testid="errand-qr"
      data-qr-size={size}
    >
      <rect width={extent} height={extent} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
