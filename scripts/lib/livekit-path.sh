# Where the locally built livekit-server lives; scripts/lib/livekit.ts computes the same path.
# Kept outside the repository so one build serves every checkout on the machine.
# Usage: . scripts/lib/livekit-path.sh   (sets LIVEKIT_VERSION, LIVEKIT_DIR, LIVEKIT_BIN)
LIVEKIT_VERSION=v1.13.5
LIVEKIT_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/rabta/livekit/$LIVEKIT_VERSION"
LIVEKIT_BIN="$LIVEKIT_DIR/server"
