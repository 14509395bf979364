#!/bin/sh
# Refresh the Qt Linguist sources resources/i18n/kense_{kk,ru}.ts from the tr() strings of desktop/ui/*.py and
# forms/*.ui (existing translations are kept; strings no longer in the code are dropped). Translate the new
# entries with Qt Linguist (pyside6-linguist resources/i18n/kense_kk.ts) or any .ts editor; the app compiles the
# .ts into .qm itself (pyside6-lrelease) the next time it starts.
set -eu
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
LUPDATE="$("$PY" -c 'import pathlib, PySide6; print(pathlib.Path(PySide6.__file__).parent / "lupdate")')"
if [ ! -x "$LUPDATE" ]; then
    LUPDATE="$(command -v pyside6-lupdate || true)"
fi
if [ -z "$LUPDATE" ]; then
    echo "update_translations: lupdate not found (pip install PySide6-Essentials)" >&2
    exit 1
fi
for lang in kk ru; do
    "$LUPDATE" -locations relative -no-obsolete -source-language en -target-language "$lang" \
        desktop/ui/*.py forms/*.ui -ts "resources/i18n/kense_$lang.ts"
done
