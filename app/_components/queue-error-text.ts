import { useTranslations } from "next-intl";

/**
 * Translates an error code from the queue's use cases. Codes only the queue raises (a skip
 * reason, a transfer target) are worded in the `queue` catalog as `error_<code>`; any other code
 * is an `errors` entry.
 */
export function useQueueErrorText(): (code: string) => string {
  const t = useTranslations("queue");
  const te = useTranslations("errors");
  return (code) => {
    if (t.has(`error_${code}`)) return t(`error_${code}`);
    return te.has(code) ? te(code) : te("internal");
  };
}
