#!/usr/bin/env bash
# The Debian package: builds it with cpack from the build folder, unpacks it into a
# temporary root with dpkg -x, checks the file list, conffiles and Depends, runs the
# installed matchd and matchctl, lets the installed matchd read the installed config,
# and runs `systemd-analyze verify` on the installed unit (with ExecStart pointed at the
# unpacked binary, since /usr/bin/matchd is not installed on the test machine).
#
# Usage: deb_package_test.sh BUILD_DIR
set -euo pipefail

build=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/azm_deb_test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "deb_package_test: $*" >&2; exit 1; }

# cpack's staging folder goes to $tmp (-B), so parallel runs do not collide.
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
  cat "$tmp/cpack.log" >&2
  fail "cpack failed"
fi
debs=("$tmp"/out/*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "expected one .deb, got: ${debs[*]}"
deb=${debs[0]}
echo "package: $(basename "$deb")"

# Control fields.
dpkg-deb --field "$deb" Package | grep -qx azubimatch || fail "Package is not azubimatch"
depends=$(dpkg-deb --field "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libstdc++6 'libgrpc++1' librocksdb libtomlplusplus3 libsystemd0 libprotobuf; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done
mkdir "$tmp/control"
dpkg-deb --control "$deb" "$tmp/control"
grep -qx /etc/azubimatch/matchd.toml "$tmp/control/conffiles" || fail "matchd.toml is not a conffile"
for script in postinst prerm postrm; do
  [[ -x $tmp/control/$script ]] || fail "no executable $script"
done

# The file list.
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' | sort >"$tmp/files"
for f in /usr/bin/matchd /usr/bin/matchctl /lib/systemd/system/matchd.service \
         /etc/azubimatch/matchd.toml /usr/share/doc/azubimatch/README.md; do
  grep -qx "$f" "$tmp/files" || fail "package lacks $f"
done
if grep -E '\.(a|h|o)$|/include/|/tests/' "$tmp/files"; then
  fail "package holds build artefacts"
fi

# The installed binaries run from the unpacked root.
dpkg -x "$deb" "$tmp/root"
root=$tmp/root
"$root/usr/bin/matchd" --help >"$tmp/matchd.help"
grep -q -- "--config FILE" "$tmp/matchd.help" || fail "matchd --help lacks --config"
grep -q -- "--log-format" "$tmp/matchd.help" || fail "matchd --help lacks --log-format"
"$root/usr/bin/matchctl" --help >"$tmp/matchctl.help" 2>&1 || fail "matchctl --help failed"
grep -qi "usage" "$tmp/matchctl.help" || fail "matchctl --help prints no usage"
# The installed matchd accepts the installed config (a bad key would exit 2 at once);
# --listen :0 and a data folder in $tmp keep it off the real paths. It serves, then
# SIGTERM stops it.
coproc MATCHD { exec "$root/usr/bin/matchd" --config "$root/etc/azubimatch/matchd.toml" \
  --listen 127.0.0.1:0 --data "$tmp/data" --backup-dir "$tmp/backups" 2>&1; }
pid=$MATCHD_PID
serving=no
# Waits for the listening line itself (read blocks on the pipe); the bound only turns a
# hang into a failure.
while IFS= read -r -t 120 line <&"${MATCHD[0]}"; do
  echo "matchd: $line"
  if [[ $line == *"matchd listening on"* ]]; then serving=yes; break; fi
done
[[ $serving == yes ]] || fail "installed matchd did not serve"
kill -TERM "$pid"
wait "$pid" || fail "installed matchd did not stop cleanly"

# The unit passes systemd-analyze verify.
mkdir "$tmp/units"
sed "s|/usr/bin/matchd|$root/usr/bin/matchd|g" "$root/lib/systemd/system/matchd.service" \
  >"$tmp/units/matchd.service"
if ! systemd-analyze verify "$tmp/units/matchd.service" >"$tmp/verify.log" 2>&1; then
  cat "$tmp/verify.log" >&2
  fail "systemd-analyze verify failed"
fi
if [[ -s $tmp/verify.log ]]; then
  cat "$tmp/verify.log" >&2
  fail "systemd-analyze verify printed warnings"
fi
echo "deb_package_test: ok"
