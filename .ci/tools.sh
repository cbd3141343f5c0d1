# Sourced by .ci/run: the Debian packages the tests drive, installed where missing with one
# `apt-get update`: postgresql (store tests), kcat (a subscriber of takeaways.tagged), prometheus
# (promtool and a real server for the rules and queries), docker-compose (`docker-compose config`),
# chromium and chromium-driver (the web page in a real browser, driven by Selenium).
# Exports TAKEAWAYS_REQUIRE_TOOLS so that a test finding one missing fails instead of skipping.
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing Debian packages for the tests: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  # The packages' services must not start here: the tests start their own servers.
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export TAKEAWAYS_REQUIRE_TOOLS=true
echo "$(kcat -V 2>&1 | sed -n 's/^Version \([^ ]*\).*/kcat \1/p'), $(prometheus --version 2>&1 | sed -n '1s/ (.*//p'), docker-compose $(docker-compose version --short 2>/dev/null), $(chromium --version 2>/dev/null | sed 's/ built on.*//')"
