// The bare page's script (bundled by ./bare-server.ts): livekit-client alone, with the same room
// options and capture size as Rabta's call, so that the comparison isolates what the app adds
// (its token route, React, its layout) rather than a different media setup.
// ?role=publisher joins at once and publishes (the far side); otherwise the page shows a preview
// and a Join button, as Rabta's device check does.
import { Room, RoomEvent, Track, createLocalTracks, type LocalTrack } from "livekit-client";
import { CALL_ENCODINGS } from "../../lib/consult/call-encodings";
import { roomOptions } from "../../app/consult/[consultationId]/call/room-options";

const params = new URLSearchParams(location.search);
const identity = params.get("identity") ?? `bare-${Math.random().toString(36).slice(2)}`;
const roomName = params.get("room") ?? "bench-bare";
const remote = document.getElementById("remote")!;
const preview = document.getElementById("preview") as HTMLVideoElement;
const joinButton = document.getElementById("join") as HTMLButtonElement;

async function join(previewTracks: LocalTrack[]): Promise<void> {
  joinButton.disabled = true;
  const response = await fetch(`/token?identity=${encodeURIComponent(identity)}&room=${encodeURIComponent(roomName)}`, { method: "POST" });
  const { token, url } = (await response.json()) as { token: string; url: string };
  // As Rabta does: the preview's devices are let go, then the room opens them again.
  previewTracks.forEach((track) => track.stop());
  const room = new Room(roomOptions);
  room.on(RoomEvent.TrackSubscribed, (track) => {
    const element = track.attach();
    if (track.kind === Track.Kind.Video) {
      element.setAttribute("playsinline", "");
      remote.append(element);
    } else document.body.append(element);
  });
  await room.connect(url, token);
  await room.localParticipant.setMicrophoneEnabled(true);
  await room.localParticipant.setCameraEnabled(true);
}

async function main(): Promise<void> {
  const tracks = await createLocalTracks({ audio: true, video: { resolution: CALL_ENCODINGS.camera } });
  const video = tracks.find((track) => track.kind === Track.Kind.Video);
  video?.attach(preview);
  joinButton.disabled = false;
  joinButton.addEventListener("click", () => void join(tracks));
  if (params.get("role") === "publisher") await join(tracks);
}

void main();
