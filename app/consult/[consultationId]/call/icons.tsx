// Small line icons for the call controls (24-unit grid), so that a patient who reads little
// still finds the microphone and the red "leave" button; the words stay beside them.
const paths = {
  mic: "M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3",
  camera: "M3 7h12v10H3zM15 10l6-3v10l-6-3",
  saver: "M5 19c0-8 6-14 14-14 0 8-6 14-14 14zM5 19l7-7",
  screen: "M3 4h18v12H3zM8 20h8M12 16v4",
  leave: "M3 15c5-5 13-5 18 0l-2 3-4-2v-3a10 10 0 0 0-6 0v3l-4 2z",
  panel: "M4 5h16v11H8l-4 4z",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, off }: { name: IconName; off?: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={paths[name]} />
      {off && <path d="M4 4l16 16" />}
    </svg>
  );
}
