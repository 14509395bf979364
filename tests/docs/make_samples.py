"""Render every document kind in kk and ru into samples/ (git-ignored) as PDF and PNG, to look at them.

    python tests/docs/make_samples.py [--dpi 110] [--out samples]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dpi", type=float, default=110)
    parser.add_argument("--out", default=str(ROOT / "samples"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KENSE_HOME"] = tmp
        import docs_cases as dc
        import pypdfium2

        from desktop.documents import applicable_kinds, render
        from desktop.store import Register

        reg = Register.open(Path(tmp) / "samples.sqlite3", create=True)
        reg.initialise(3, "admin-pass")
        admin = reg.user("admin")
        people = {"admin": admin}
        for username, name, roles in (("clerk", "Асқарова Гүлнар", ["clerk"]), ("head", "Серікбаев Нұрлан", ["head"]),
                                      ("executor1", "Оспанова Айгүл", ["executor"])):
            people[username] = reg.create_user(admin, username, name, roles, username + "-pw", "+7 701 555 66 77")
        cases = {"S1-approved": dc.signed_case(reg, people, "S1", serial=1),
                 "S4-approved": dc.signed_case(reg, people, "S4", serial=2),
                 "S6-approved": dc.signed_case(reg, people, "S6", serial=3),
                 "S5-refused": dc.signed_case(reg, people, "S5", "refused", serial=4),
                 "S7-psc": dc.new_case(reg, people, "S7", serial=5, channel="psc"),
                 "S7-approved": dc.signed_case(reg, people, "S7", serial=6)}
        out = Path(args.out)
        out.mkdir(exist_ok=True)
        done: set[str] = set()
        for key, case in cases.items():
            for kind in applicable_kinds(reg, case):
                if kind in done and kind in ("receipt", "label", "label-sheet"):
                    continue
                done.add(kind)
                for lang in ("kk", "ru"):
                    pdf = render(kind, reg, case.reg_no, lang, log=False)
                    stem = f"{kind}-{key}-{lang}"
                    (out / f"{stem}.pdf").write_bytes(pdf)
                    doc = pypdfium2.PdfDocument(pdf)
                    for i, page in enumerate(doc, 1):
                        dpi = args.dpi * (3 if kind == "label" else 1)
                        image = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255)).to_pil()
                        image.save(out / f"{stem}-p{i}.png")
                    doc.close()
                    print(out / f"{stem}.pdf")
        reg.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
