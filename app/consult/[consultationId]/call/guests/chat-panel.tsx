"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { callApi, useCallData, type CallMessage } from "./call-data";

/**
 * The call's chat: what was said so far (kept on the encounter), new messages as the room
 * receives them, and a photo button that opens the camera on a phone.
 */
export function ChatPanel({ consultationId }: { consultationId: string }) {
  const t = useTranslations("guests");
  const te = useTranslations("errors");
  const [messages, setMessages] = useState<CallMessage[]>([]);
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const photo = useRef<HTMLInputElement>(null);
  const url = `/api/consultations/${consultationId}/messages`;

  const add = (message: CallMessage) => setMessages((all) => (all.some((m) => m.id === message.id) ? all : [...all, message]));
  useEffect(() => {
    void callApi<{ messages: CallMessage[] }>(url).then((result) => result.ok && setMessages((all) => merge(result.data.messages, all)));
  }, [url]);
  useCallData((data) => {
    if (data.kind === "chat") add(data.message);
    // Let in after joining: the history becomes readable now.
    if (data.kind === "participants_changed") void callApi<{ messages: CallMessage[] }>(url).then((r) => r.ok && setMessages((all) => merge(r.data.messages, all)));
  });

  async function send(init: { json?: unknown; form?: FormData }) {
    setBusy(true);
    setError(null);
    const result = await callApi<{ message: CallMessage }>(url, init);
    setBusy(false);
    if (!result.ok) return setError(result.code);
    add(result.data.message);
    return true;
  }

  return (
    <section aria-label={t("chatTitle")} className="flex h-full flex-col gap-2 text-slate-900" data-testid="call-chat">
      <ol className="min-h-0 flex-1 space-y-2 overflow-y-auto" aria-live="polite">
        {messages.length === 0 && <li className="text-sm text-slate-600">{t("chatEmpty")}</li>}
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg bg-slate-100 p-2" data-testid="chat-message">
            <p className="text-xs font-semibold text-slate-600">
              {m.senderName} · {t(`role_${m.senderRole}` as "role_patient")}
            </p>
            {m.body && (
              <p dir="auto" className="whitespace-pre-wrap break-words">
                {m.body}
              </p>
            )}
            {m.attachmentId && (
              <a href={`/api/attachments/${m.attachmentId}`} target="_blank" rel="noreferrer">
                {/* eslint-disable-next-line @next/next/no-img-element -- our own API, behind the record's access checks */}
                <img src={`/api/attachments/${m.attachmentId}`} alt={t("chatPhotoAlt", { name: m.senderName })} className="mt-1 max-h-40 rounded" />
              </a>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {te.has(error as "not_found") ? te(error as "not_found") : t("error")}
        </p>
      )}
      <form
        className="flex gap-2"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await send({ json: { body } })) setBody("");
        }}
      >
        <label className="sr-only" htmlFor={`chat-${consultationId}`}>
          {t("chatMessage")}
        </label>
        <input
          id={`chat-${consultationId}`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          maxLength={2000}
          dir="auto"
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 px-3"
          placeholder={t("chatMessage")}
        />
        <button type="submit" className="btn-primary min-h-11" disabled={busy || body.trim() === ""}>
          {busy ? t("chatSending") : t("chatSend")}
        </button>
        <button type="button" className="btn-secondary min-h-11" disabled={busy} onClick={() => photo.current?.click()}>
          {t("chatPhoto")}
        </button>
        <input
          ref={photo}
          type="file"
          accept="image/*"
          capture="environment"
          className="hidden"
          aria-label={t("chatPhoto")}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            const form = new FormData();
            form.set("photo", file);
            await send({ form });
          }}
        />
      </form>
    </section>
  );
}

function merge(history: CallMessage[], live: CallMessage[]): CallMessage[] {
  const ids = new Set(history.map((m) => m.id));
  return [...history, ...live.filter((m) => !ids.has(m.id))];
}
