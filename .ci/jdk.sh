# Sourced by .ci scripts: selects a JDK 21+ into JAVA_HOME and PATH.
java_major() { # prints the major version of the JDK at $1, or 0
  local release="$1/release"
  [ -f "$release" ] || { echo 0; return; }
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -1
}

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*/ /opt/java/*/ /opt/*jdk*/; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "${candidate%/}")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="${candidate%/}"; best_major=$major
    fi
  done
  [ -n "$best" ] || { echo "no JDK 21+ found (looked in JAVA_HOME and /usr/lib/jvm)" >&2; exit 1; }
  echo "$best"
}

export JAVA_HOME="$(pick_jdk)"
export PATH="$JAVA_HOME/bin:$PATH"
echo "Using JDK at $JAVA_HOME ($(java_major "$JAVA_HOME"))" >&2
