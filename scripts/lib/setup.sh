# Sourced by scripts/bench, scripts/test and scripts/parbench: finds a JDK >= 25 and makes sure
# the Debian packages parbench needs are installed (installing them when running as root).
# Re-running with everything present installs nothing and takes well under a second.

PARBENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Everything the build, the tests and the engines use, each as "PACKAGE|CHECK|WHAT": CHECK is a
# shell test that passes when the thing itself is usable (not merely when a package is listed),
# so a tool the package list forgot is named before anything is built.
PARBENCH_REQUIREMENTS=(
  "maven|command -v mvn|Maven, the build"
  "clang|command -v clang|clang, the C compiler for the native library and the wasm module"
  "lld|command -v wasm-ld|wasm-ld, the wasm linker"
  "libclang-rt-14-dev|runtime_present tsan && runtime_present asan|clang's ThreadSanitizer and AddressSanitizer runtimes, for the C runtime's tests"
  "wabt|command -v wasm-objdump|wasm-objdump, the wasm structure tests"
  "nodejs|command -v node|node, the wasm smoke test"
  "emscripten|command -v emcc|emcc, the Emscripten bring-your-own example"
  "npm|command -v npm|npm, which installs the bring-your-own examples' libraries (onnxruntime-web, ffmpeg.wasm, tfjs, wasm-vips) from their package-lock.json"
  "fontconfig|command -v fc-match|fontconfig, which the report's charts need to find a font"
  "fonts-dejavu-core|fc-match -f '%{file}' 'DejaVu Sans' 2>/dev/null | grep -qi dejavu|the DejaVu fonts, the report's charts"
  "chromium|command -v chromium|Chromium, the chromium engine"
  "firefox-esr|command -v firefox-esr|Firefox ESR, the firefox engine"
  "webkit2gtk-driver|command -v WebKitWebDriver|WebKitWebDriver and MiniBrowser, the webkit engine"
  "xvfb|command -v Xvfb|Xvfb, the virtual display the webkit engine runs in"
  "chromium-driver|command -v chromedriver|chromedriver, a stand-alone WebDriver server the remote-browser tests drive as a remote node"
)

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

# Whether clang finds its sanitizer runtime "$1" (tsan, asan) for this machine's architecture.
runtime_present() {
  command -v clang >/dev/null 2>&1 || return 1
  [ -f "$(clang -print-file-name="libclang_rt.$1-$(uname -m).a")" ]
}

# Prints "PACKAGE|WHAT" for each requirement whose check fails.
missing_requirements() {
  local entry pkg check what
  for entry in "${PARBENCH_REQUIREMENTS[@]}"; do
    IFS='|' read -r pkg check what <<<"$entry"
    eval "$check" >/dev/null 2>&1 || echo "$pkg|$what"
  done
}

# Makes sure every requirement is met: installs the packages of the missing ones as root; otherwise
# (or when an install did not help) names each missing thing with its package, and fails.
ensure_packages() {
  local missing packages pkg what
  missing="$(missing_requirements)"
  [ -z "$missing" ] && return
  packages="$(cut -d'|' -f1 <<<"$missing" | sort -u | paste -sd' ')"
  if [ "$(id -u)" -eq 0 ]; then
    echo "parbench: installing $packages (apt-get)…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || die "apt-get update failed; check the network and /etc/apt/sources.list"
    # shellcheck disable=SC2086 # one word per package
    apt-get install -y -qq --no-install-recommends $packages >&2 \
      || die "apt-get install $packages failed (see above)"
    missing="$(missing_requirements)"
    [ -z "$missing" ] && return
  fi
  {
    echo "error: parbench needs these, and they are missing:"
    while IFS='|' read -r pkg what; do echo "  - $what (Debian package $pkg)"; done <<<"$missing"
    echo "Install them with:"
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $(cut -d'|' -f1 <<<"$missing" | sort -u | paste -sd' ')"
  } >&2
  exit 1
}

# Maven with the JDK found above, quiet about Maven's own Unsafe warnings on new JDKs.
mvn_build() {
  MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
    mvn -B -ntp -f "$PARBENCH_ROOT/pom.xml" "$@"
}
