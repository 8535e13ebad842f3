import QRCode from "qrcode";

export type QrSvgOptions = {
  /** What a screen reader says for the code, e.g. "Prescription check code ABCD-…". */
  label: string;
  /** Width and height in CSS pixels; without it the SVG fills its container. */
  size?: number;
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * `text` as a QR code in an SVG string: error correction M (a creased or smudged printout still
 * scans), a two-module quiet zone, crisp module edges, black on white whatever the page's theme
 * (scanners need dark on light), with role="img", the label as aria-label and title.
 * The same text always gives the same SVG.
 */
export async function qrSvg(text: string, { label, size }: QrSvgOptions): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#000000", light: "#ffffff" },
  });
  const safeLabel = escapeXml(label);
  const dimensions = size === undefined ? ' width="100%" height="100%"' : ` width="${size}" height="${size}"`;
  const attributes = `role="img" aria-label="${safeLabel}"${dimensions} shape-rendering="crispEdges"`;
  const open = /^<svg([^>]*)>/.exec(svg);
  if (!open) throw new Error("qrSvg: qrcode gave no <svg> element");
  const own = open[1]!.replace(/\s(shape-rendering|width|height)="[^"]*"/g, "");
  return `<svg${own} ${attributes}><title>${safeLabel}</title>${svg.slice(open[0].length).trim()}`;
}
