import { createHash } from "node:crypto";
import sharp, { type OutputInfo } from "sharp";
import { AppError } from "@/lib/errors";

/** The largest upload we read at all; refused before any decoding. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * 40 MP is above every phone camera a patient or an LHV is likely to hold (12–16 MP typical,
 * 50 MP binned to 12 by default), and far below what a hand-made header can declare: decoding
 * a 65535×65535 JPEG would need 12 GB of memory.
 */
export const MAX_INPUT_PIXELS = 40_000_000;

/** The longest side we keep: small print on a photographed A4 report stays legible at 2000 px. */
export const MAX_OUTPUT_SIDE = 2000;

// JPEG rather than WebP: on a synthesised 12 MP photo of small-print lab values, WebP q80 was
// only ~5% smaller than mozjpeg q80 with both equally legible, and a lifelong record is read by
// whatever the next hospital runs; every viewer, printer and FHIR consumer opens JPEG.
const JPEG_QUALITY = 80;

export type IntakeImage = {
  bytes: Uint8Array;
  contentType: "image/jpeg";
  width: number;
  height: number;
  byteLength: number;
  sha256: string;
};

type AcceptedFormat = "jpeg" | "png" | "webp";

/**
 * What the first bytes say the file is, for the three formats we accept. Checked before sharp
 * sees the bytes so that its other decoders (SVG, TIFF, HEIF, GIF, raw camera formats) never run
 * on what a stranger uploaded; sharp's own reading must then agree.
 */
function sniffFormat(bytes: Uint8Array): AcceptedFormat | null {
  const startsWith = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (startsWith([0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

/**
 * True when a PNG carries an animation control chunk before its image data (APNG). libvips
 * would silently keep only the default image, and an animation is no clinical photo.
 */
function isAnimatedPng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === "acTL") return true;
    if (type === "IDAT" || type === "IEND") return false;
    at += 12 + length;
  }
  return false;
}

/**
 * Turns an uploaded photo (a paper lab report, a rash) into the bytes we store and serve: never
 * the upload itself. Refuses more than MAX_UPLOAD_BYTES before decoding; reads the type from the
 * content (a client's file name and Content-Type are ignored), accepting still JPEG, PNG and
 * WebP; refuses images that declare more than MAX_INPUT_PIXELS before decoding them; turns the
 * picture upright by its EXIF orientation, drops every piece of metadata (EXIF with the GPS
 * position, XMP, IPTC, ICC after conversion to sRGB), fits it within 2000×2000 without
 * enlarging, and encodes it as JPEG (mozjpeg, quality 80).
 *
 * Throws AppError("invalid", "upload_too_large" | "upload_not_image" | "upload_unreadable").
 */
export async function intakeImage(bytes: Uint8Array): Promise<IntakeImage> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError("invalid", "upload_too_large");
  const sniffed = sniffFormat(bytes);
  if (!sniffed) throw new AppError("invalid", "upload_not_image");

  // The header alone: sharp reads dimensions and page count without decoding pixels. Bytes
  // that pass the signature but have no readable header (HTML behind a JPEG marker) are no image.
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => null);
  if (!metadata || metadata.format !== sniffed) throw new AppError("invalid", "upload_not_image");
  if ((metadata.pages ?? 1) > 1 || (sniffed === "png" && isAnimatedPng(bytes))) {
    throw new AppError("invalid", "upload_not_image");
  }
  if (!metadata.width || !metadata.height || metadata.width * metadata.height > MAX_INPUT_PIXELS) {
    throw new AppError("invalid", "upload_unreadable");
  }

  let output: { data: Buffer; info: OutputInfo };
  try {
    // failOn "error": a truncated or corrupt photo is refused rather than kept with a grey band
    // where a lab value was; harmless encoder warnings that cheap phones emit still pass.
    output = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", autoOrient: true })
      .resize(MAX_OUTPUT_SIDE, MAX_OUTPUT_SIDE, { fit: "inside", withoutEnlargement: true })
      // A transparent PNG (a screenshot) would turn black in JPEG; paper is white.
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError("invalid", "upload_unreadable");
  }

  const out = new Uint8Array(output.data.buffer, output.data.byteOffset, output.data.byteLength);
  return {
    bytes: out,
    contentType: "image/jpeg",
    width: output.info.width,
    height: output.info.height,
    byteLength: out.byteLength,
    sha256: createHash("sha256").update(out).digest("hex"),
  };
}
