"use client";

import { ErrorView } from "@/app/_components/error-view";

/** Rendering this part of the site failed; trying again re-reads it from the server. */
export default function ErrorPage({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorView retry={retry} />;
}
