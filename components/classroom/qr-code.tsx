import { encodeQr } from '@/lib/qr/encode';

/** A QR code as one SVG path (crisp at any projector size), with a 4-module quiet zone as the standard asks. */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const m = encodeQr(text);
  const size = m.length + 8;
  let d = '';
  m.forEach((row, r) => row.forEach((dark, c) => dark && (d += `M${c + 4} ${r + 4}h1v1h-1z`)));
  return (
    <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} className={className} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
