import { describe, expect, it } from "vitest";
import { qrSvg } from "./qr";

const URL_28_BYTES = "https://rabta.example/v/ABCD";

describe("qrSvg", () => {
  it("draws a square code with error correction M and a two-module quiet zone", async () => {
    const svg = await qrSvg(URL_28_BYTES, { label: "Check code" });
    // 28 bytes in byte mode: version 2 holds 26 at level M (32 at L), so version 3, 29 modules,
    // plus 2 on each side. Level L would fit version 2 (25 + 4 = 29).
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 33 33"/);
    expect(svg).toMatch(/<path [^>]*d="M[^"]+"/);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg.endsWith("</svg>")).toBe(true);
    // A 3-byte text fits version 1 (21 modules) at every level.
    expect(await qrSvg("abc", { label: "x" })).toMatch(/viewBox="0 0 25 25"/);
  });

  it("is black on white whatever the theme, labelled for screen readers, sized when asked", async () => {
    const svg = await qrSvg(URL_28_BYTES, { label: 'Nuskha "check" <code> & more', size: 128 });
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('stroke="#000000"');
    expect(svg).not.toMatch(/currentColor/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Nuskha &#34;check&#34; &#60;code&#62; &#38; more"');
    expect(svg).toContain("<title>Nuskha &#34;check&#34; &#60;code&#62; &#38; more</title>");
    expect(svg).toMatch(/^<svg [^>]*width="128" height="128"/);
    expect(svg.match(/<svg /g)).toHaveLength(1);
    expect(svg.match(/ width=/g)).toHaveLength(1);
  });

  it("gives the same SVG for the same text, and another for other text", async () => {
    const first = await qrSvg(URL_28_BYTES, { label: "a" });
    expect(await qrSvg(URL_28_BYTES, { label: "a" })).toBe(first);
    expect(await qrSvg("https://rabta.example/v/ABCE", { label: "a" })).not.toBe(first);
  });
});
