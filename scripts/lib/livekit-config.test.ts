import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { localLiveKitConfig, REPO_LIVEKIT_CONFIG } from "./livekit-config";

type Config = {
  port: number;
  keys: Record<string, string>;
  rtc: Record<string, unknown> & { congestion_control: { enabled: boolean; allow_pause: boolean } };
  room: Record<string, unknown>;
  webhook: { api_key: string; urls: string[] };
  turn?: unknown;
};

const repoYaml = readFileSync(REPO_LIVEKIT_CONFIG, "utf8");
const repo = parse(repoYaml) as Config;
const settings = {
  port: 7990,
  udpPortStart: 54200,
  udpPortEnd: 54300,
  apiKey: "local-key",
  apiSecret: "a-local-secret-of-at-least-32-characters",
  extraKeys: [{ apiKey: "prod-key", apiSecret: "another-secret-of-at-least-32-characters" }],
  webhookUrl: "http://127.0.0.1:3300/api/livekit/webhook",
};
const local = parse(localLiveKitConfig(repoYaml, settings)) as Config;

describe("the local livekit-server config", () => {
  it("keeps the repo's congestion control, reconnect and room settings", () => {
    expect(repo.rtc.congestion_control).toEqual({ enabled: true, allow_pause: true });
    expect(local.rtc.congestion_control).toEqual(repo.rtc.congestion_control);
    for (const key of ["allow_tcp_fallback", "reconnect_on_publication_error", "reconnect_on_subscription_error", "reconnect_on_data_channel_error"]) {
      expect(local.rtc[key], key).toBe(repo.rtc[key]);
    }
    expect(local.room).toEqual(repo.room);
  });

  it("overrides what a loopback-only server must", () => {
    expect(repo.rtc.tcp_port).toBe(7881);
    expect(local.port).toBe(7990);
    expect(local.keys).toEqual({ "local-key": settings.apiSecret, "prod-key": settings.extraKeys[0]!.apiSecret });
    expect(local.rtc).toMatchObject({
      port_range_start: 54200,
      port_range_end: 54300,
      tcp_port: 0,
      use_external_ip: false,
      enable_loopback_candidate: true,
      ips: { includes: ["127.0.0.0/8"] },
    });
    expect(local.rtc.udp_port).toBeUndefined();
    expect(local.webhook).toEqual({ api_key: "local-key", urls: [settings.webhookUrl] });
    expect(local.turn).toBeUndefined();
  });

});

describe("the impairment drill's config", () => {
  it("adds ICE-lite and nothing else", () => {
    const drill = parse(localLiveKitConfig(repoYaml, settings, { iceLite: true })) as Config;
    expect(drill.rtc.use_ice_lite).toBe(true);
    const { use_ice_lite: _lite, ...rest } = drill.rtc;
    expect(rest).toEqual(local.rtc);
    expect(local.rtc.use_ice_lite).toBeUndefined();
  });
});
