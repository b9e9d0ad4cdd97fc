"""The gate: every rule the build depends on, run before anything is written.

`python -m generator validate`, the atomic build and the MkDocs plugin all call
check(): load → validate (the models and their field classes) → link (every reference,
every citation in the text) → the rules that need more than one file, below. What
passes here builds; tests exercise these rules, they do not hold them.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from pydantic import BaseModel

from .annotators import FACTORIES, NOTICES
from .citations import alias_key, find_citations, symbol_index, symbol_key
from .content_types import TYPES
from .context import Context
from .corpus import Corpus, data_files, load_corpus, within
from .docs_check import check_docs
from .errors import ContentError, dotted
from .forked import forked_map
from .help_directory import freshness_warnings
from .importer.marks import review_marks
from .link import Graph, link, task_locations
from .model.common import PublicSource
from .model.glossary import fold as glossary_fold
from .model.legal import INVERSE_RELATIONS, STATUS_LABELS
from .transcription import check as transcription_check
from .transcription import glitches
from .urls import FIXED_URIS, index_uri, page_uri, source_text_uri


def check(project: Context | Path, only: list[Path] | None = None,
          freshness: bool = False) -> tuple[Graph, list[ContentError]]:
    """Load, validate and link everything; return the graph and every error and warning.

    project: the build context, or a project folder whose mkdocs.yml gives it.
    only: files and folders given to `validate PATH…`; errors elsewhere are left out
    (the whole corpus is still loaded, since references cross files).
    freshness: warn about help-line entries verified longer ago than the setting allows
    (as of context.today): `validate` does, a build does not.
    """
    context = project if isinstance(project, Context) else Context.load(project)
    root = context.root
    corpus, errors = load_corpus(root, context.plans_dir)
    graph, link_errors = link(corpus, FACTORIES, NOTICES)
    errors += link_errors
    errors += legal_rules(corpus)
    errors += source_rules(corpus)
    errors += help_line_legal_rules(corpus)
    errors += campaign_basis_rules(corpus)
    errors += glossary_rules(corpus)
    errors += transcription_rules(corpus)
    errors += target_rules(corpus)
    errors += page_collisions(corpus, context.docs_dir)
    errors += check_docs(context)
    # Review marks left by an import: a draft is not published until an editor clears them.
    errors += review_marks([path for _, path in data_files(context.plans_dir)], root)
    if freshness:
        errors += freshness_warnings(corpus, context.today, context.settings.verify_max_age_days)
    if only is not None:
        wanted = [p.resolve() for p in only]
        errors = [e for e in errors if within(root / e.file, wanted)]
    return graph, sorted(set(errors))


def _error(corpus: Corpus, kind: str, id_: str, loc: tuple, message: str, hint: str) -> ContentError:
    return ContentError(corpus.path_of(kind, id_), corpus.line_of(kind, id_, loc), dotted(loc), message, hint)


def legal_rules(corpus: Corpus) -> list[ContentError]:
    """Symbols and names that would link a citation to two documents; one-sided relations."""
    errors = []
    docs = corpus.of("legal")
    symbols: dict[str, str] = {}
    names: dict[str, str] = {}
    for id_, doc in sorted(docs.items()):
        forms: list[tuple[tuple[str | int, ...], str]] = [(("symbol",), doc.symbol)] if doc.symbol else []
        forms += [(("symbol_variants", i), v) for i, v in enumerate(doc.symbol_variants)]
        for where, symbol in forms:
            key = symbol_key(symbol)
            owner = symbols.setdefault(key, id_)
            if owner != id_:
                errors.append(_error(corpus, "legal", id_, where, f"số ký hiệu “{symbol}” trùng với văn bản {owner} ({corpus.path_of('legal', owner)})",
                                     "mỗi số ký hiệu chỉ thuộc một văn bản, nếu không trích dẫn trong kế hoạch sẽ trỏ nhầm; "
                                     "nếu hai địa phương trùng số, ghi số kèm năm hoặc bỏ số ở văn bản chưa chắc chắn"))
        for i, alias in enumerate(doc.aliases):
            key = alias_key(alias)
            owner = names.setdefault(key, id_)
            if owner != id_:
                errors.append(_error(corpus, "legal", id_, ("aliases", i), f"tên gọi “{alias}” trùng với tên gọi của văn bản {owner}",
                                     "mỗi tên gọi chỉ dùng cho một văn bản; bỏ tên này ở một trong hai tệp"))
        for i, rel in enumerate(doc.relations):
            loc: tuple[str | int, ...] = ("relations", i)
            if rel.target == id_:
                errors.append(_error(corpus, "legal", id_, loc + ("target",), "văn bản không thể có quan hệ với chính nó", "sửa mã văn bản đích (target)"))
                continue
            other = docs.get(rel.target)
            if other is None:
                continue  # reported by the reference check
            inverse = INVERSE_RELATIONS[rel.type]
            if not any(r.target == id_ and r.type == inverse and r.on == rel.on for r in other.relations):
                on = f", on: {rel.on.isoformat()}" if rel.on else ""
                errors.append(_error(corpus, "legal", id_, loc, f"quan hệ “{rel.type}” tới {rel.target} chưa được ghi ở phía bên kia",
                                     f"thêm vào {corpus.path_of('legal', rel.target)} mục relations: “type: {inverse}, target: {id_}{on}”"))
            if rel.type == "bi-thay-the-boi" and (doc.expired_on != rel.on or doc.status.value != "het-hieu-luc-toan-bo"):
                errors.append(_error(corpus, "legal", id_, loc, f"văn bản bị thay thế bởi {rel.target} nhưng ngày hết hiệu lực hoặc tình trạng chưa khớp",
                                     "ghi expired_on bằng ngày của quan hệ (on) và status.value: het-hieu-luc-toan-bo"))
    return errors


# Content types whose facts need a public source (fields.PublicSource).
SOURCED_KINDS = ("legal", "services", "campaigns", "agencies", "glossary")
# Legal statuses that say a document's own facts were not confirmed by a public source.
UNVERIFIED_STATUSES = ("chua-xac-minh", "chi-biet-qua-trich-dan")


def _public_sources(value: object, loc: tuple = ()) -> list[tuple[tuple, PublicSource]]:
    """Every PublicSource inside an entry, with its field path."""
    found: list[tuple[tuple, PublicSource]] = []
    if isinstance(value, PublicSource):
        found.append((loc, value))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found += _public_sources(getattr(value, name), loc + (name,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _public_sources(item, loc + (i,))
    return found


def source_rules(corpus: Corpus) -> list[ContentError]:
    """A warning for each source of a legal, help-line, campaign or agency fact that a
    reader cannot check: neither a web address nor one of the plans (document), or a web
    page without its publisher or the day it was read. The model already refuses
    document-sharing sites and the editors' own notes."""
    errors = []
    for kind in SOURCED_KINDS:
        for id_, entry in sorted(corpus.of(kind).items()):
            for loc, source in _public_sources(entry):
                where = (corpus.path_of(kind, id_), corpus.line_of(kind, id_, loc), dotted(loc))
                if source.url is None and source.document is None:
                    errors.append(ContentError(
                        *where, f"nguồn “{source.title}” chưa có địa chỉ web và không phải một kế hoạch trong dữ liệu: người đọc không mở được nguồn này",
                        "ghi địa chỉ trang công khai (url), nơi đăng (publisher) và ngày đọc (checked_on); nếu nguồn là một kế hoạch "
                        "trong plans/documents/, ghi mã kế hoạch vào “document”; nếu không tìm được nguồn công khai, bỏ nguồn này "
                        "và ghi rõ điều chưa xác minh", warning=True))
                elif source.url is not None and (source.publisher is None or source.checked_on is None):
                    missing = " và ".join(f"“{name}”" for name, value in (("publisher", source.publisher), ("checked_on", source.checked_on)) if value is None)
                    errors.append(ContentError(
                        *where, f"nguồn “{source.title}” có địa chỉ web nhưng thiếu {missing}",
                        "ghi nơi đăng trang (publisher, ví dụ “Báo Tiền Phong”, “Cổng Thông tin điện tử Chính phủ”) và ngày đọc trang "
                        "(checked_on: NĂM-THÁNG-NGÀY)", warning=True))
    return errors


def help_line_legal_rules(corpus: Corpus) -> list[ContentError]:
    """A help-line page may state a document's rule only when the document's own page
    says it was verified: the legal entry's status is the one place for that."""
    errors = []
    docs = corpus.of("legal")
    by_symbol = symbol_index(docs.values())
    for id_, entry in sorted(corpus.of("services").items()):
        texts: list[tuple[tuple[str | int, ...], str]] = [(("organization", "description"), entry.organization.description)]
        for i, service in enumerate(entry.services):
            texts += [(("services", i, name), getattr(service, name)) for name in ("description", "who", "how", "cost")]
        texts += [(("notes", i), note) for i, note in enumerate(entry.notes)]
        for loc, text in texts:
            for citation in find_citations(text):
                doc_id = by_symbol.get(symbol_key(citation.symbol)) if citation.symbol else None
                doc = docs.get(doc_id) if doc_id else None
                if doc is not None and doc.status.value in UNVERIFIED_STATUSES:
                    errors.append(_error(corpus, "services", id_, loc,
                                         f"trang trợ giúp nêu “{citation.raw}” như một điều chắc chắn, nhưng trang của văn bản này ghi "
                                         f"“{STATUS_LABELS[doc.status.value]}”",
                                         f"xác minh văn bản trong {corpus.path_of('legal', doc.id)} (tình trạng và nguồn công khai), "
                                         "hoặc bỏ câu nói về văn bản này khỏi trang trợ giúp"))
    return errors


def campaign_basis_rules(corpus: Corpus) -> list[ContentError]:
    """A campaign's basis that names a legal entry must not contradict it: the number and
    date are the legal entry's (one place for a document's facts)."""
    errors = []
    docs = corpus.of("legal")
    for id_, campaign in sorted(corpus.of("campaigns").items()):
        basis = campaign.established_by
        doc = docs.get(basis.legal) if basis is not None and basis.legal else None
        if doc is None:
            continue  # no basis, or an unknown id (reported by the reference check)
        path = corpus.path_of("legal", doc.id)
        if basis.symbol and doc.symbol and symbol_key(basis.symbol) != symbol_key(doc.symbol):
            errors.append(_error(corpus, "campaigns", id_, ("established_by", "symbol"),
                                 f"số ký hiệu “{basis.symbol}” khác số ký hiệu “{doc.symbol}” của văn bản {doc.id}",
                                 f"sửa cho khớp với {path}, hoặc bỏ dòng symbol (trang lấy từ văn bản)"))
        if basis.date and basis.date != doc.issued_on:
            shown = doc.issued_on.strftime("%d/%m/%Y") if doc.issued_on else "chưa rõ"
            errors.append(_error(corpus, "campaigns", id_, ("established_by", "date"),
                                 f"ngày {basis.date:%d/%m/%Y} khác ngày ban hành của văn bản {doc.id} ({shown})",
                                 f"ngày ban hành ghi một chỗ, trong {path}: sửa cho khớp hoặc bỏ dòng date"))
    return errors


def glossary_rules(corpus: Corpus) -> list[ContentError]:
    """One entry per term; acronym ids that follow their term (tooltips depend on both)."""
    errors = []
    owner: dict[str, str] = {}
    for id_, entry in sorted(corpus.of("glossary").items()):
        if entry.kind == "viet-tat" and id_ != f"viet-tat-{glossary_fold(entry.term)}":
            errors.append(_error(corpus, "glossary", id_, ("id",), f"mã của chữ viết tắt “{entry.term}” phải là “viet-tat-{glossary_fold(entry.term)}”",
                                 "đặt mã (và tên tệp) theo chữ viết tắt: bỏ dấu, viết thường, thay ký tự khác bằng “-”"))
        for i, form in enumerate(entry.all_forms):
            # Case matters for acronyms (TP vs tp), not for words (Giới vs giới).
            key = form if entry.kind == "viet-tat" else form.casefold()
            first = owner.setdefault(key, id_)
            if first != id_:
                loc = ("term",) if i == 0 else ("variants", i - 1)
                errors.append(_error(corpus, "glossary", id_, loc, f"“{form}” đã là thuật ngữ hoặc cách viết của mục {first}",
                                     "mỗi chữ chỉ thuộc một mục; gộp hai mục hoặc bỏ cách viết trùng"))
    return errors


def transcription_rules(corpus: Corpus) -> list[ContentError]:
    """Every line of each plan's source text is in its data, or omitted with a reason;
    no glitch a reader would see (transcription.glitches: a number glued to a word, a
    label or marker printed twice, the same sentence twice in one list). The plans are
    checked in worker processes (generator/forked.py): each plan's check reads nothing else."""
    plans = sorted(corpus.of("documents").items())
    return [error for errors in forked_map(functools.partial(_transcription_errors, corpus), plans) for error in errors]


def _transcription_errors(corpus: Corpus, item: tuple) -> list[ContentError]:
    id_, plan = item
    errors = []
    for glitch in glitches(plan):
        errors.append(ContentError(corpus.path_of("documents", id_), corpus.line_of("documents", id_, glitch.loc),
                                   dotted(glitch.loc), glitch.message, glitch.hint, warning=glitch.warning))
    try:
        source = corpus.source_file(plan).read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        errors.append(_error(corpus, "documents", id_, ("provenance", "source_file"),
                             f"tệp văn bản gốc {plan.provenance.source_file} không phải văn bản UTF-8",
                             "mở tệp và lưu lại với bảng mã UTF-8 (trong VS Code: “Save with Encoding” → UTF-8)"))
        return errors
    report = transcription_check(plan, source)
    for original in report.bad_corrections:
        errors.append(_error(corpus, "documents", id_, ("provenance", "corrections"),
                             f"chỗ sửa có “original: {original}” nhưng văn bản gốc không có chữ này",
                             "chép “original” đúng từng chữ như trong văn bản gốc (kể cả lỗi)"))
    if report.missing:
        # A warning: a plan being transcribed (or imported) is published as far as it
        # goes; tests/test_transcription.py holds the finished plans to every line.
        first = "; ".join(f"“{_shorten(line)}”" for line in report.missing[:3])
        more = f" và {len(report.missing) - 3} dòng khác" if len(report.missing) > 3 else ""
        errors.append(ContentError(
            corpus.path_of("documents", id_), corpus.line_of("documents", id_, ("provenance", "source_file")), "provenance.source_file",
            f"{len(report.missing)} dòng của văn bản gốc chưa có trong dữ liệu: {first}{more}",
            "chép các dòng này vào đúng trường, hoặc thêm vào provenance.omitted kèm lý do bỏ", warning=True))
    return errors


def _shorten(line: str, limit: int = 80) -> str:
    return line if len(line) <= limit else line[: limit - 1] + "…"


# A percentage as plans write it: "100%", "trên 50 %", "70 phần trăm", "2,5%".
PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d+)?)\s*(?:%|phần trăm)")


def percentages(text: str) -> list[float]:
    return [float(m.group(1).replace(",", ".")) for m in PERCENT.finditer(text)]


def target_rules(corpus: Corpus) -> list[ContentError]:
    """A percentage in an objective or a task is a target: it must be recorded in that
    objective's or task's `targets` (with its value), or the overview of targets and the
    open data miss it. A warning: the editor decides, the build goes on."""
    errors = []
    for plan_id, plan in corpus.of("documents").items():
        places = [(("specific_objectives", i), [o.text], o.targets) for i, o in enumerate(plan.specific_objectives)]
        places += [(loc, [task.text, *task.details], task.targets) for loc, task in task_locations(plan.sections)]
        for loc, texts, targets in places:
            recorded = {t.value for t in targets if t.value is not None}
            for value in dict.fromkeys(v for text in texts for v in percentages(text)):
                if value not in recorded:
                    shown = f"{value:g}".replace(".", ",")
                    errors.append(ContentError(corpus.path_of("documents", plan_id), corpus.line_of("documents", plan_id, loc), dotted(loc),
                                               f"đoạn này có con số {shown}% nhưng chưa ghi thành chỉ tiêu",
                                               f"thêm vào targets của mục này một chỉ tiêu có value: {value:g} và unit: \"%\" (text chép đúng câu của văn bản)",
                                               warning=True))
    return errors


def page_collisions(corpus: Corpus, docs_dir: Path) -> list[ContentError]:
    """A generated page that would take the place of a hand-written page in docs/: an
    entry's page (the data file is named), or a list, fixed or source-text page (the
    hand-written file is named, since its address is the one to change)."""
    errors = []
    docs_folder = docs_dir.relative_to(corpus.root).as_posix() if docs_dir.is_relative_to(corpus.root) else docs_dir.as_posix()
    for kind, ctype in TYPES.items():
        if ctype.url_folder is None:
            continue
        for id_ in sorted(corpus.of(kind)):
            uri = page_uri(kind, id_)
            if (docs_dir / uri).exists() or (docs_dir / uri[: -len(".md")] / "index.md").exists():
                errors.append(_error(corpus, kind, id_, ("id",), f"trang của mục này trùng với trang viết tay {docs_folder}/{uri}",
                                     "đặt mã khác cho mục này (và đổi tên tệp theo mã)"))
    fixed = [*FIXED_URIS, *(index_uri(k) for k, t in TYPES.items() if t.url_folder and t.index_template),
             *(source_text_uri(id_) for id_ in sorted(corpus.of("documents")))]
    for uri in fixed:
        if (docs_dir / uri).exists():
            errors.append(ContentError(f"{docs_folder}/{uri}", 1, "", "trang viết tay này trùng địa chỉ với một trang được tạo từ dữ liệu",
                                       "đổi tên tệp hoặc chuyển nó sang thư mục khác trong thư mục trang viết tay"))
    return errors
