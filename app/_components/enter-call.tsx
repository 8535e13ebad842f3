"use client";

import { useEffect, type ReactNode } from "react";

/**
 * The way into a call is always a full page load, never a client-side navigation. Camera and
 * microphone are allowed per document (Permissions-Policy), and only the call page's document
 * allows them; a soft navigation would keep the policy of the page the user came from.
 */
export function CallLink({ consultationId, className, children, testId }: { consultationId: string; className?: string; children: ReactNode; testId?: string }) {
  return (
    <a href={callPath(consultationId)} className={className} data-testid={testId}>
      {children}
    </a>
  );
}

/** What a server action returns when the user should now enter the call. */
export type EnterCallState = { enterCall?: string };

/** Loads the call page once a server action has said so (see {@link CallLink} for why not redirect()). */
export function useEnterCall(consultationId: string | undefined): void {
  useEffect(() => {
    if (consultationId) window.location.assign(callPath(consultationId));
  }, [consultationId]);
}

function callPath(consultationId: string): string {
  return `/consult/${encodeURIComponent(consultationId)}`;
}
