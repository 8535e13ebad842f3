import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health";
import { livekitReachable } from "@/lib/livekit/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const [database, livekit] = await Promise.all([checkDatabase(), livekitReachable()]);
  const ok = database && livekit;
  return NextResponse.json(
    { ok, database: database ? "up" : "down", livekit: livekit ? "up" : "down" },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
