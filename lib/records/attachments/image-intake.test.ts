import { createHash } from "node:crypto";
import sharp, { type Region } from "sharp";
import { describe, expect, it } from "vitest";
import { intakeImage, MAX_UPLOAD_BYTES } from "./image-intake";

const refused = (messageKey: string) => ({ name: "AppError", code: "invalid", messageKey });

/** A still image of one colour, as the given format. */
function plain(width: number, height: number, background = "#c04040") {
  return sharp({ create: { width, height, channels: 3, background } });
}

/** The mean colour of a region of an image, as [r, g, b]. */
async function meanColour(bytes: Uint8Array, region: Region): Promise<number[]> {
  // Read the pixels: sharp's stats() describes the whole input, not the extracted region.
  const { data, info } = await sharp(bytes).extract(region).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) for (let c = 0; c < 3; c++) sums[c]! += data[i + c]!;
  return sums.map((sum) => Math.round(sum / (data.length / info.channels)));
}

// PNG chunk checksums (ISO 3309 CRC-32), to build an APNG by hand: sharp writes none.
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** Rewrites the frame header (SOF0/SOF2) of a JPEG to declare other dimensions; JPEG has no checksum. */
function declareJpegSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let at = 2; at + 4 < out.length; ) {
    const marker = out[at + 1];
    if (marker === 0xc0 || marker === 0xc2) {
      out.writeUInt16BE(height, at + 5);
      out.writeUInt16BE(width, at + 7);
      return out;
    }
    at += 2 + out.readUInt16BE(at + 2);
  }
  throw new Error("no frame header");
}

describe("intakeImage", () => {
  it("turns a phone JPEG upright by its EXIF orientation and keeps none of its metadata", async () => {
    // 300×200, red on the left half and blue on the right; orientation 6 says "rotate 90° clockwise
    // to view", which puts the left (red) half on top of a 200×300 picture.
    const red = await plain(150, 200, "#ff0000").png().toBuffer();
    const photo = await plain(300, 200, "#0000ff")
      .composite([{ input: red, left: 0, top: 0 }])
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: "CheapPhone", Model: "X1", Copyright: "Patient" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "33/1 41/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "73/1 3/1 0/1" },
      })
      .toBuffer();
    const before = await sharp(photo).metadata();
    expect(before.orientation).toBe(6);
    expect(photo.toString("latin1")).toContain("CheapPhone");

    const result = await intakeImage(photo);

    expect([result.width, result.height]).toEqual([200, 300]);
    const [top, bottom] = [await meanColour(result.bytes, { left: 50, top: 20, width: 100, height: 100 }), await meanColour(result.bytes, { left: 50, top: 180, width: 100, height: 100 })];
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(60);

    const after = await sharp(result.bytes).metadata();
    expect(after.format).toBe("jpeg");
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    const text = Buffer.from(result.bytes).toString("latin1");
    for (const trace of ["Exif", "CheapPhone", "GPS", "Patient"]) expect(text).not.toContain(trace);

    expect(result.contentType).toBe("image/jpeg");
    expect(result.byteLength).toBe(result.bytes.byteLength);
    expect(result.sha256).toBe(createHash("sha256").update(result.bytes).digest("hex"));
    expect(Array.from(result.bytes.subarray(0, 3))).toEqual([0xff, 0xd8, 0xff]);
  });

  it("fits a large PNG within 2000×2000, keeping its shape, and never enlarges a small one", async () => {
    const large = await intakeImage(await plain(3000, 2400).png().toBuffer());
    expect([large.width, large.height]).toEqual([2000, 1600]);
    const tall = await intakeImage(await plain(1000, 5000).webp().toBuffer());
    expect([tall.width, tall.height]).toEqual([400, 2000]);
    const small = await intakeImage(await plain(640, 480).png().toBuffer());
    expect([small.width, small.height]).toEqual([640, 480]);
  });

  it("puts a transparent screenshot on white paper, not black", async () => {
    const transparent = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const result = await intakeImage(transparent);
    for (const channel of await meanColour(result.bytes, { left: 0, top: 0, width: 64, height: 64 })) expect(channel).toBeGreaterThan(250);
  });

  it("refuses one byte over 10 MB before reading it, whatever it holds", async () => {
    const oversized = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    oversized.set(await plain(64, 64).jpeg().toBuffer());
    await expect(intakeImage(oversized)).rejects.toMatchObject(refused("upload_too_large"));
    expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
  });

  it("refuses what is not a still JPEG, PNG or WebP, whatever name or type the client gave it", async () => {
    const frame = (colour: string) => plain(20, 20, colour).png().toBuffer();
    const animatedWebp = await sharp([await frame("#ff0000"), await frame("#00ff00")], { join: { animated: true } }).webp().toBuffer();
    const stillPng = await frame("#0000ff");
    // acTL (2 frames, loop forever) right after IHDR is what makes a PNG an APNG.
    const acTL = pngChunk("acTL", new Uint8Array([0, 0, 0, 2, 0, 0, 0, 0]));
    const apng = Buffer.concat([stillPng.subarray(0, 33), acTL, stillPng.subarray(33)]);
    const uploads: Record<string, Uint8Array> = {
      pdf: Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
      text: Buffer.from("Haemoglobin 11.2 g/dL\n"),
      svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'),
      // What a browser would be sent as "report.jpg" with Content-Type image/jpeg.
      html: Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"),
      htmlBehindJpegMarker: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<html><script>alert(1)</script></html>")]),
      gif: await plain(20, 20).gif().toBuffer(),
      tiff: await plain(20, 20).tiff().toBuffer(),
      animatedWebp,
      apng,
      empty: new Uint8Array(0),
    };
    expect((await sharp(animatedWebp).metadata()).pages).toBe(2);
    for (const [name, bytes] of Object.entries(uploads)) {
      await expect(intakeImage(bytes), name).rejects.toMatchObject(refused("upload_not_image"));
    }
  });

  it("refuses a truncated JPEG instead of keeping it with a grey band", async () => {
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 30 } } }).jpeg().toBuffer();
    await expect(intakeImage(photo.subarray(0, Math.floor(photo.length * 0.6)))).rejects.toMatchObject(refused("upload_unreadable"));
  });

  it("refuses an image that declares 50000×50000 pixels without decoding it", async () => {
    const bomb = declareJpegSize(await plain(64, 64).jpeg().toBuffer(), 50_000, 50_000);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ width: 50_000, height: 50_000 });
    const rssBefore = process.memoryUsage().rss;
    await expect(intakeImage(bomb)).rejects.toMatchObject(refused("upload_unreadable"));
    // Decoding would need 7.5 GB (2.5 gigapixels × 3 bytes).
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });

  // Measured here: this synthesised 4000×3000 photo of a printed report (quality 92, with EXIF)
  // is 0.61 MB and comes out at 2000×1500 and 0.08 MB, 87% smaller. A real phone photo carries
  // more sensor detail (3–5 MB), so its saving in bytes is larger still.
  it("makes a 12 MP phone photo of a report a fraction of its size", async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Haemoglobin ${10 + (i % 7)}.${i % 10} g/dL   WBC ${4 + (i % 5)}.${i % 9} x10^9/L   Platelets ${150 + i * 3}`).join("\n");
    const print = await sharp({ text: { text: `<span foreground="#222">${lines}</span>`, font: "sans 4.5", dpi: 300, width: 3600, rgba: true } }).png().toBuffer();
    const grain = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 0, sigma: 6 } } }).png().toBuffer();
    const photo = await plain(4000, 3000, "#e9e4d8")
      .composite([{ input: grain, blend: "overlay" }, { input: print, top: 150, left: 200 }])
      .jpeg({ quality: 92 })
      .withExif({ IFD0: { Make: "CheapPhone" } })
      .toBuffer();

    const result = await intakeImage(photo);

    console.log(`12 MP photo: ${(photo.length / 1e6).toFixed(2)} MB -> ${(result.byteLength / 1e6).toFixed(2)} MB (${Math.round((1 - result.byteLength / photo.length) * 100)}% smaller), ${result.width}×${result.height}`);
    expect([result.width, result.height]).toEqual([2000, 1500]);
    // A quarter of the pixels at a lower quality: well under a quarter of the bytes.
    expect(result.byteLength).toBeLessThan(photo.length / 4);
  }, 30_000);
});
