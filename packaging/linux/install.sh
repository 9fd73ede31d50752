#!/usr/bin/env bash
# Installs the desktop package built by `make dist` for one user (under ~/.local) or, given a
# prefix, anywhere (sudo packaging/linux/install.sh /usr/local for everyone):
#   PREFIX/lib/folio/             the built folder (dist/folio)
#   PREFIX/bin/folio              a link to its program
#   PREFIX/share/applications/folio.desktop
#   PREFIX/share/icons/hicolor/{scalable,256x256}/apps/folio.{svg,png}
#   PREFIX/share/mime/packages/folio.xml   application/x-folio for *.folio
# then refreshes the MIME and desktop databases and makes Folio the default for .folio files
# (each only when its tool is installed), so double-clicking a portfolio opens it.
#
# Usage: packaging/linux/install.sh [PREFIX]      (default: ~/.local)
#        packaging/linux/install.sh --uninstall [PREFIX]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
uninstall=false
if [ "${1:-}" = "--uninstall" ]; then
  uninstall=true
  shift
fi
prefix="${1:-$HOME/.local}"
build="${FOLIO_DIST:-$root/dist/folio}"

apps="$prefix/share/applications"
mime="$prefix/share/mime"
icons="$prefix/share/icons/hicolor"

refresh() {
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$mime" || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$apps" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache --quiet --ignore-theme-index "$icons" 2>/dev/null || true
  fi
}

if $uninstall; then
  rm -rf "$prefix/lib/folio"
  rm -f "$prefix/bin/folio" "$apps/folio.desktop" "$mime/packages/folio.xml" \
    "$icons/scalable/apps/folio.svg" "$icons/256x256/apps/folio.png"
  refresh
  echo "Removed Folio from $prefix"
  exit 0
fi

if [ ! -x "$build/folio" ]; then
  echo "install.sh: no built Folio in $build (run 'make dist' first)" >&2
  exit 1
fi

mkdir -p "$prefix/lib" "$prefix/bin" "$apps" "$mime/packages" \
  "$icons/scalable/apps" "$icons/256x256/apps"
rm -rf "$prefix/lib/folio.new"
cp -a "$build" "$prefix/lib/folio.new"
rm -rf "$prefix/lib/folio"
mv "$prefix/lib/folio.new" "$prefix/lib/folio"
ln -sfn "$prefix/lib/folio/folio" "$prefix/bin/folio"

# The desktop entry runs the installed program by its full path: ~/.local/bin is not on
# every desktop session's PATH.
sed "s|^Exec=folio |Exec=$prefix/bin/folio |" "$here/folio.desktop" > "$apps/folio.desktop"
chmod 644 "$apps/folio.desktop"
install -m 644 "$here/folio-mime.xml" "$mime/packages/folio.xml"
install -m 644 "$root/resources/icons/folio.svg" "$icons/scalable/apps/folio.svg"
install -m 644 "$root/resources/icons/folio.png" "$icons/256x256/apps/folio.png"

refresh
# The default application is a per-user setting: set it when installing for this user.
if [[ "$prefix" == "$HOME"* ]] && command -v xdg-mime >/dev/null 2>&1; then
  xdg-mime default folio.desktop application/x-folio || true
fi

echo "Installed Folio $("$prefix/bin/folio" --version | sed 's/^Folio //') in $prefix"
echo "  program:  $prefix/bin/folio"
echo "  menu:     $apps/folio.desktop (opens .folio files: application/x-folio)"
