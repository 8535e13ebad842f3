import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/app/_components/auto-refresh";
import { listDevOutbox } from "@/lib/sms/send-sms";

export const dynamic = "force-dynamic";

/** Development only: the SMS messages the dev sender "sent", so sign-in codes can be read. */
export default async function DevOutboxPage() {
  const messages = await listDevOutbox();
  if (!messages) notFound();
  const t = await getTranslations("devOutbox");
  const format = await getFormatter();
  return (
    <div className="space-y-4">
      <AutoRefresh everyMs={3_000} />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ul className="space-y-2">
        {messages.map((m) => (
          <li key={m.id} className="card" data-testid="outbox-message">
            <p className="text-sm text-slate-600">
              <span className="ltr-nums" data-testid="outbox-to">
                {m.toPhone}
              </span>{" "}
              · {format.dateTime(m.createdAt, { timeStyle: "medium" })}
            </p>
            <p dir="auto" data-testid="outbox-body">
              {m.body}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
