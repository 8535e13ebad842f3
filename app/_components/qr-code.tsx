import { qrSvg } from "@/lib/records/documents/qr";

// Inline rather than an <img>: no extra request, so it prints with the page and works offline.
// forced-color-adjust and print-color-adjust stop high-contrast modes and the print dialog's
// "background graphics off" from taking away the white quiet zone a scanner needs.
export async function QrCode({ text, label, size }: { text: string; label: string; size: number }) {
  const svg = await qrSvg(text, { label, size });
  return (
    <span
      className="inline-block bg-white leading-none"
      style={{ width: size, height: size, forcedColorAdjust: "none", printColorAdjust: "exact", WebkitPrintColorAdjust: "exact" }}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
