/**
 * The security headers of one response (OWASP ASVS 14.4): a Content-Security-Policy whose
 * inline scripts need this request's nonce, and the browser features a page may use. Pure, so
 * that the policy is tested as data; proxy.ts applies it to every request it sees.
 */
export type HeaderContext = {
  /** Fresh for every request: an injected script cannot know it. */
  nonce: string;
  pathname: string;
  /** Where browsers open the call's signalling connection. */
  livekitUrl: string;
  /** The request reached us over TLS (directly, or as the proxy in front says). */
  https: boolean;
  /** `next dev` evaluates code for fast refresh and injects its styles inline. */
  development: boolean;
};

/** Only the call page may ask for the camera, the microphone and (for clinicians) the screen. */
function mayUseMedia(pathname: string): boolean {
  return pathname.startsWith("/consult/");
}

/** The LiveKit origin in both schemes: signalling is WebSocket, and its reconnect probe is HTTP. */
function livekitSources(livekitUrl: string): string[] {
  const url = new URL(livekitUrl);
  const secure = url.protocol === "wss:" || url.protocol === "https:";
  return [`${secure ? "wss" : "ws"}://${url.host}`, `${secure ? "https" : "http"}://${url.host}`];
}

export function contentSecurityPolicy(context: HeaderContext): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'self' for the build's chunks, the nonce for the inline scripts Next.js writes into the page.
    "script-src": ["'self'", `'nonce-${context.nonce}'`, ...(context.development ? ["'unsafe-eval'"] : [])],
    // Stylesheets are files; LiveKit's components position tiles with style attributes.
    "style-src": ["'self'", ...(context.development ? ["'unsafe-inline'"] : [`'nonce-${context.nonce}'`])],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'", ...livekitSources(context.livekitUrl)],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(context.https ? { "upgrade-insecure-requests": [] } : {}),
  };
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

/** The staff check-in page reads the device's location (lib/staff/check-attendance.ts); nothing else does. */
function mayLocate(pathname: string): boolean {
  return pathname === "/attendance";
}

export function permissionsPolicy(pathname: string): string {
  const media = mayUseMedia(pathname) ? "(self)" : "()";
  const geolocation = mayLocate(pathname) ? "(self)" : "()";
  return [`camera=${media}`, `microphone=${media}`, `display-capture=${media}`, `geolocation=${geolocation}`, "payment=()", "usb=()"].join(", ");
}

/** Headers that are the same for every response, static files included (set in next.config.ts). */
export const staticSecurityHeaders: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  // For browsers that predate frame-ancestors.
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

/** The headers that depend on the request (set by proxy.ts). HSTS only over TLS, where browsers honour it. */
export function requestSecurityHeaders(context: HeaderContext): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(context),
    "permissions-policy": permissionsPolicy(context.pathname),
    ...(context.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
