import { expect, type BrowserContext, type Page } from "@playwright/test";

/**
 * The test stack's control server (scripts/lib/stack-control.ts), set by `npm test` only when it
 * runs its own LiveKit. Specs that restart LiveKit skip themselves without it.
 */
export const STACK_CONTROL_URL = process.env.E2E_STACK_CONTROL_URL;

/** Restarts the stack's livekit-server; resolves once the new server answers OK. */
export async function restartLiveKit(options: { nodeIp?: string; iceLite?: boolean } = {}): Promise<{ ms: number }> {
  if (!STACK_CONTROL_URL) throw new Error("E2E_STACK_CONTROL_URL is not set: the stack cannot restart LiveKit");
  const response = await fetch(`${STACK_CONTROL_URL}/livekit/restart`, { method: "POST", body: JSON.stringify(options) });
  const body = (await response.json()) as { ms?: number; error?: string };
  expect(response.ok, `livekit restart: ${body.error ?? response.status}`).toBe(true);
  return { ms: body.ms ?? 0 };
}

declare global {
  interface Window {
    /** When the page first showed call-reconnecting, and when it last stopped showing it (performance.now()). */
    __rabtaReconnecting?: { shownAt: number[]; hiddenAt: number[] };
    /** Each mode the call stage took (video, low_video, audio_only), and when (performance.now()). */
    __rabtaCallModes?: { at: number; mode: string }[];
  }
}

/**
 * Notes every time the call-reconnecting status appears on screen and goes away, from a
 * MutationObserver in the page: a reconnect can be over between two polls of a locator, and the
 * person still saw it.
 */
export async function watchReconnectingStatus(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen = { shownAt: [] as number[], hiddenAt: [] as number[] };
    window.__rabtaReconnecting = seen;
    const modes: { at: number; mode: string }[] = [];
    window.__rabtaCallModes = modes;
    let shown = false;
    const check = () => {
      const mode = document.querySelector<HTMLElement>('[data-testid="call-stage"]')?.dataset.callMode;
      if (mode && mode !== modes.at(-1)?.mode) modes.push({ at: performance.now(), mode });
      const element = document.querySelector<HTMLElement>('[data-testid="call-reconnecting"]');
      const visible = Boolean(element && element.offsetWidth > 0 && element.offsetHeight > 0);
      if (visible !== shown) {
        shown = visible;
        (visible ? seen.shownAt : seen.hiddenAt).push(performance.now());
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  });
}

export async function reconnectingSeen(
  page: Page,
): Promise<{ shown: number; hidden: number; msOnScreen: number | null; modes: string[] }> {
  return page.evaluate(() => {
    const seen = window.__rabtaReconnecting ?? { shownAt: [], hiddenAt: [] };
    const start = seen.shownAt[0] ?? 0;
    const first = seen.shownAt[0];
    const last = seen.hiddenAt.at(-1);
    return {
      shown: seen.shownAt.length,
      hidden: seen.hiddenAt.length,
      msOnScreen: first !== undefined && last !== undefined ? Math.round(last - first) : null,
      // The call's modes, timed from when "reconnecting" first appeared.
      modes: (window.__rabtaCallModes ?? []).map(({ at, mode }) => `${mode}@${Math.round(at - start)}`),
    };
  });
}
