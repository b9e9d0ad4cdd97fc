"""A synthetic corpus of realistic plan documents, for benchmarks only.

Each synthetic plan is assembled from the transcribed plans in plans/documents/: their
sections, tasks, objectives and responsibilities are sampled and recombined, and every
plan gets its own symbol, locality, year, dates and signer. References (agencies, legal
documents, campaigns) keep pointing at real ids, so every plan validates against the
Plan model and links like a real one. Text lands at 1,500–3,000 words per plan.

The output is a private copy of the project (plans, docs, overrides, config) with the
synthetic plans added under plans/documents/bench-NNNN.yaml. It is test data: it is never
published, and it lives under bench/work/ (gitignored).

    .venv/bin/python -m bench.corpus 100 bench/work/corpus-100
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("plans", "docs", "overrides", "mkdocs.yml", "schema")
# A hand-written page may include a repository file as a snippet (docs/dong-gop.md
# includes CONTRIBUTING.md): those files are part of what a build reads.
_SNIPPET = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+?)(?::[^"]*)?"', re.MULTILINE)
WORDS_MIN, WORDS_MAX = 1_500, 3_000

# Symbols the way Vietnamese documents write them: suffix → document type.
SUFFIXES = {
    "KH-UBND": "ke-hoach", "KH-BVSTBPN": "ke-hoach", "KH-HLHPN": "ke-hoach", "KH-LĐTBXH": "ke-hoach",
    "CV-UBND": "cong-van", "BVSTBCPN-VX": "cong-van", "UBND-VX": "cong-van",
    "CTr-UBND": "chuong-trinh", "HD-LĐTBXH": "huong-dan", "QĐ-UBND": "quyet-dinh", "BC-UBND": "bao-cao",
}
PROVINCES = [
    "An Giang", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình",
    "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai",
    "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
    "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
    "Vĩnh Phúc", "Yên Bái",
]
# Syllables for place and person names that exist nowhere else: the rare words.
SYLLABLES = [
    "An", "Bảo", "Bình", "Cẩm", "Chánh", "Diên", "Đại", "Đông", "Đức", "Gia", "Hải", "Hàm", "Hòa",
    "Hưng", "Khánh", "Kim", "Lạc", "Lộc", "Long", "Mỹ", "Nghĩa", "Ninh", "Phong", "Phú", "Phước",
    "Quang", "Sơn", "Tân", "Thạnh", "Thuận", "Tiên", "Trung", "Tuy", "Vạn", "Vĩnh", "Xuân", "Yên",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Ngọc", "Quốc", "Kim", "Xuân"]
GIVEN = ["Anh", "Bình", "Cường", "Dũng", "Dung", "Hà", "Hạnh", "Hùng", "Hương", "Lan", "Linh", "Mai", "Nam",
         "Nga", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thông", "Trang", "Tuấn", "Vân", "Yến"]
LEVELS = ["tinh", "huyen", "huyen", "xa", "co-quan"]
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/documents.json\n"
_YEAR = re.compile(r"\b(20[01]\d|202[0-5])\b")
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\bngày \d{1,2} tháng \d{1,2} năm \d{4}")
_WORD = re.compile(r"\w+")
# Fields that are references or metadata, not words of the document.
SKIP_IN_SOURCE = {"id", "doc_type", "level", "implements", "based_on", "lead", "partners", "campaigns",
                  "agency", "provenance", "last_checked", "issued_on", "year", "headings"}


def _pool(root: Path) -> dict[str, list]:
    """Everything the real plans say, grouped by field, to sample from."""
    plans = [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
             for p in sorted((root / "plans" / "documents").glob("*.yaml"))]
    legal = [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
             for p in sorted((root / "plans" / "legal").glob("*.yaml"))]
    pool: dict[str, list] = {key: [] for key in (
        "sections", "purpose", "requirements", "general_objectives", "specific_objectives", "budget",
        "responsibilities", "implementation_notes", "reporting", "closing", "preamble", "recipients",
        "summary", "headings", "addressees")}
    for plan in plans:
        for key in pool:
            value = plan.get(key)
            if isinstance(value, list):
                pool[key] += value
            elif value:
                pool[key].append(value)
    pool["titles"] = [p["title"] for p in plans] + [d["title"] for d in legal if d.get("title")]
    pool["legal_ids"] = [d["id"] for d in legal]
    return pool


def _words(value: object) -> int:
    if isinstance(value, str):
        return len(_WORD.findall(value))
    if isinstance(value, dict):
        return sum(_words(v) for k, v in value.items() if k not in ("id", "lead", "partners", "campaigns", "agency"))
    if isinstance(value, list):
        return sum(_words(v) for v in value)
    return 0


def _strip_ids(section: dict) -> dict:
    section = copy.deepcopy(section)
    for task in section.get("tasks", []):
        task.pop("id", None)
    section["sections"] = [_strip_ids(s) for s in section.get("sections", [])]
    return section


def _shift_years(text: str, delta: int) -> str:
    """Move every year in a title by delta, so plans of different years read differently.
    (Body text keeps its years: citations in it are checked against the legal data.)"""
    if _DATE.search(text):
        return text
    return _YEAR.sub(lambda m: str(int(m.group(1)) + delta), text)


def _place(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"


def _plan(i: int, rng: random.Random, pool: dict[str, list], numbers: set[str]) -> dict:
    suffix = rng.choice(list(SUFFIXES))
    while True:
        number = f"{rng.randint(1, 9999)}/{suffix}"
        if number not in numbers:
            numbers.add(number)
            break
    year = rng.randint(2008, 2025)
    delta = year - 2018
    province = rng.choice(PROVINCES)
    district = f"{rng.choice(['thành phố', 'huyện', 'thị xã'])} {_place(rng)}"
    issued = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    title = _shift_years(rng.choice(pool["titles"]), delta)
    plan: dict = {
        "id": f"bench-{i:04d}",
        "doc_type": SUFFIXES[suffix],
        "number": number,
        "title": f"{title} ({district}, tỉnh {province})",
        "summary": f"Ngày {issued.day}/{issued.month}/{issued.year}, UBND {district} (tỉnh {province}) ban hành văn bản này. "
                   + rng.choice(pool["summary"]),
        "issuer": {"name": f"UBND {district}", "level": rng.choice(LEVELS)},
        "locality": {"name": district, "province": province},
        "place": district.split(" ", 2)[-1],
        "issued_on": issued,
        "year": year,
        "implements": rng.sample(pool["legal_ids"], 1),
        "based_on": rng.sample(pool["legal_ids"], rng.randint(1, 6)),
        "preamble": rng.sample(pool["preamble"], 1),
        "headings": rng.choice(pool["headings"]) if pool["headings"] else {},
        "purpose": rng.sample(pool["purpose"], min(3, len(pool["purpose"]))),
        "requirements": rng.sample(pool["requirements"], min(2, len(pool["requirements"]))),
        "general_objectives": rng.sample(pool["general_objectives"], min(3, len(pool["general_objectives"]))),
        "specific_objectives": rng.sample(pool["specific_objectives"], min(2, len(pool["specific_objectives"]))),
        "sections": [],
        "budget": pool["budget"][:1],
        "responsibilities": rng.sample(pool["responsibilities"], min(rng.randint(2, 6), len(pool["responsibilities"]))),
        "reporting": [{"text": r["text"]} for r in rng.sample(pool["reporting"], min(2, len(pool["reporting"])))],
        "closing": pool["closing"][:1],
        "recipients": rng.sample(pool["recipients"], min(6, len(pool["recipients"]))),
        "signature": {"authority": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH",
                      "name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"},
        "provenance": {"source_file": f"plans/sources/bench-{i:04d}.txt",
                       "notes": ["Văn bản tổng hợp cho đo hiệu năng, không phải văn bản thật."]},
        "last_checked": dt.date(2026, 12, 1),
    }
    # Sections until the plan reads like a real one: 1,500–3,000 words.
    sections = rng.sample(pool["sections"], len(pool["sections"]))
    target = rng.randint(WORDS_MIN, WORDS_MAX)
    for section in sections:
        if _words(plan) >= target:
            break
        section = _strip_ids(section)
        if len(section.get("tasks", [])) > 3:
            section["tasks"] = rng.sample(section["tasks"], rng.randint(3, len(section["tasks"])))
        if _words(plan) + _words(section) > WORDS_MAX:
            continue
        section["number"] = str(len(plan["sections"]) + 1)
        plan["sections"].append(section)
    return {k: v for k, v in plan.items() if v not in ([], {}, None)}


def _text_lines(value: object) -> list[str]:
    """Every string of a plan's fields, in order: the lines of its synthetic source text."""
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()]
    if isinstance(value, dict):
        return [line for k, v in value.items() if k not in SKIP_IN_SOURCE for line in _text_lines(v)]
    if isinstance(value, list):
        return [line for v in value for line in _text_lines(v)]
    return []


def source_text(plan: dict) -> str:
    """A plain-text "original" for a synthetic plan, as a transcribed plan has one
    (plans/sources/): its own strings, one per line, so the gate's transcription check
    and the "Văn bản gốc" page do the work they do for a real plan."""
    return "\n".join(_text_lines(plan)) + "\n"


def generate(n: int, root: Path = ROOT, seed: int = 8) -> list[dict]:
    """n synthetic plans, the same for the same seed."""
    rng = random.Random(seed)
    pool = _pool(root)
    numbers: set[str] = set()
    return [_plan(i, rng, pool, numbers) for i in range(1, n + 1)]


def project_parts(root: Path = ROOT) -> list[str]:
    """What a build of the project reads: PROJECT_PARTS and the files its pages include."""
    snippets = {match for page in sorted((root / "docs").rglob("*.md"))
                for match in _SNIPPET.findall(page.read_text(encoding="utf-8"))}
    return [*PROJECT_PARTS, *sorted(snippets - set(PROJECT_PARTS))]


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """A private copy of what a build of the project reads (no plans added); returns dest."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in project_parts(root):
        src = root / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.exists():
            (dest / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / part)
    return dest


def write_project(n: int, dest: Path, root: Path = ROOT, seed: int = 8) -> Path:
    """A private copy of the project with n synthetic plans added; returns dest."""
    copy_project(dest, root)
    out, sources = dest / "plans" / "documents", dest / "plans" / "sources"
    for plan in generate(n, root, seed):
        text = yaml.dump(plan, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10_000)
        (out / f"{plan['id']}.yaml").write_text(SCHEMA_LINE + text, encoding="utf-8")
        (sources / f"{plan['id']}.txt").write_text(source_text(plan), encoding="utf-8")
    return dest


if __name__ == "__main__":
    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    print(write_project(count, folder))
