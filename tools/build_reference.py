"""Rebuild data/reference.json from the structured reading of regulation No 349.

Usage: python tools/build_reference.py ../shared/spec/regulation-349-reference.json

The output keeps the source's own spelling (for audit) and adds the fields the app prints: a cleaned name,
a Russian name for letterheads, a cleaned email and one phone string. Edit data/reference.json by hand
afterwards if an office's details change; this script is only for the first import.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

RU_PLACE = {
    "Ақсу": "Аксуского района", "Алакөл": "Алакольского района", "Балқаш": "Балхашского района",
    "Еңбекшіқазақ": "Енбекшиказахского района", "Ескелді": "Ескельдинского района",
    "Жамбыл": "Жамбылского района", "Іле": "Илийского района", "Қарасай": "Карасайского района",
    "Қаратал": "Каратальского района", "Кербұлақ": "Кербулакского района", "Көксу": "Коксуского района",
    "Панфилов": "Панфиловского района", "Райымбек": "Райымбекского района", "Сарқан": "Саркандского района",
    "Талғар": "Талгарского района", "Ұйғыр": "Уйгурского района", "Қапшағай": "города Капшагай",
    "Талдықорған": "города Талдыкорган", "Текелі": "города Текели",
}


def main(src: str) -> None:
    ref = json.loads(Path(src).read_text(encoding="utf-8"))
    offices = []
    for o in ref["district_offices"]:
        name = o["name_kk"].replace("/", "").replace("  ", " ")
        place = name.split()[0]
        email = o.get("email_cleaned") or o.get("email")
        if email:
            email = email.replace(" ", "").replace("оnline", "online")
        phone = o["phone"]
        offices.append({
            "number": o["number"],
            "name_kk": name,
            "name_ru": f"Отдел занятости и социальных программ {RU_PLACE[place]}",
            "address_kk": o["address_kk"].rstrip(", "),
            "email": email,
            "phone": f"{phone['city_code']} {phone['number']}",
            "hours_kk": o["working_hours_kk"]["regulations_5_to_7"],
            "hours_ru": "Пять дней в неделю с 9:00 до 18:00, перерыв с 13:00 до 14:00, кроме выходных и праздничных дней",
            "source_name_kk": o["name_kk"],
            "notes": o.get("notes", []),
        })
    akimats = []
    for i, a in enumerate(ref["akimats"], start=1):
        akimats.append({
            "id": i,
            "district_kk": a["district_kk"],
            "number_in_district": a["number_in_district"],
            "name_kk": a["name_kk"],
            "address_kk": a["address_kk"],
            "website_or_email": a.get("website_or_email"),
            "phone": a["phone"].get("as_printed"),
            "notes": a.get("notes", []),
        })
    branches = []
    for b in ref["psc_branches"]:
        branches.append({
            "number": b["number"],
            "name_kk": b["name_kk"],
            "address_kk": b["address_kk"],
            "phone": " ".join([b["phone"]["city_code"], *b["phone"]["numbers"]]),
            "hours_kk": b["working_hours_kk"],
            "notes": b.get("notes", []),
        })
    out = {
        "source": ref["meta"]["act"],
        "district_offices": offices,
        "akimats": akimats,
        "psc_branches": branches,
    }
    dest = Path(__file__).resolve().parents[1] / "data" / "reference.json"
    dest.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {dest}: {len(offices)} offices, {len(akimats)} akimats, {len(branches)} PSC branches")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/spec/regulation-349-reference.json")
