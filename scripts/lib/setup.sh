# Sourced by scripts/bench, scripts/test and scripts/parbench: finds a JDK >= 25 and makes sure
# the Debian packages parbench needs are installed (installing them when running as root).
# Re-running with everything present installs nothing and takes well under a second.

PARBENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PARBENCH_PACKAGES=(clang lld libclang-rt-14-dev chromium fonts-dejavu-core fontconfig wabt emscripten maven firefox-esr webkit2gtk-driver xvfb)

die() {
  echo "error: $*" >&2
  exit 1
}

java_major() { # prints the major version of the JDK in "$1" (from its release file), or nothing
  [ -f "$1/release" ] && sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

# Sets and exports JAVA_HOME to a JDK >= 25: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    export JAVA_HOME
    return
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*; do
    [ -x "$dir/bin/javac" ] || continue
    major="$(java_major "$dir")"
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$best_major" ]; then
      best="$dir" best_major="$major"
    fi
  done
  [ -n "$best" ] || die "parbench needs a JDK 25 or newer, and none was found (JAVA_HOME is '${JAVA_HOME:-unset}', nothing suitable under /usr/lib/jvm).
Install one (e.g. Temurin 25 from https://adoptium.net) and set JAVA_HOME to it."
  export JAVA_HOME="$best"
}

# Installs the missing Debian packages as root; otherwise prints the exact command and fails.
ensure_packages() {
  local missing=() pkg
  for pkg in "${PARBENCH_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    die "missing packages: ${missing[*]}. Install them with:
  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  echo "parbench: installing ${missing[*]} (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || die "apt-get update failed; check the network and /etc/apt/sources.list"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
    || die "apt-get install ${missing[*]} failed (see above)"
}

# Maven with the JDK found above, quiet about Maven's own Unsafe warnings on new JDKs.
mvn_build() {
  MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
    mvn -B -ntp -f "$PARBENCH_ROOT/pom.xml" "$@"
}
