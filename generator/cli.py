"""Command line: python -m generator validate | build | offline | export | new | import | schema | transcription | suggest-topics."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import load_corpus
from .errors import ContentError

ROOT = Path.cwd()


def _print_errors(errors: list[ContentError]) -> int:
    for err in sorted(errors):
        print(err, file=sys.stderr)
    count = len([e for e in errors if not e.warning])
    if count:
        print(f"Có {count} lỗi. / {count} error(s).", file=sys.stderr)
    return 1 if count else 0


def _context():
    """The build context of the project in the current folder (settings from mkdocs.yml)."""
    from .context import Context

    return Context.load(ROOT)


def cmd_validate(args: argparse.Namespace) -> int:
    from .errors import ContentErrors
    from .gate import check

    try:
        context = _context()
    except ContentErrors as exc:
        return _print_errors(exc.errors)
    only = [Path(p) for p in args.paths] or None
    missing = [p for p in only or [] if not p.exists()]
    if missing:
        for path in missing:
            print(f"{path}: không tìm thấy tệp hoặc thư mục này. Gợi ý: kiểm tra lại đường dẫn.", file=sys.stderr)
        return 1
    # A path that holds none of the site's files (a copy elsewhere, tests/bad/…) would be
    # filtered to nothing and reported valid: say instead that it is not checked.
    checked = [context.plans_dir.resolve(), context.docs_dir.resolve(), context.config_file.resolve()]
    outside = [p for p in only or [] if not any(p.resolve().is_relative_to(c) or c.is_relative_to(p.resolve()) for c in checked)]
    if outside:
        for path in outside:
            print(f"{path}: tệp hoặc thư mục này nằm ngoài thư mục dữ liệu ({context.relative(context.plans_dir)}/) và thư mục "
                  f"trang viết tay ({context.relative(context.docs_dir)}/) nên không được kiểm tra. Gợi ý: chép tệp vào đúng "
                  f"thư mục con của {context.relative(context.plans_dir)}/ (ví dụ {context.relative(context.plans_dir)}/documents/) "
                  "rồi chạy lại.", file=sys.stderr)
        return 1
    graph, errors = check(context, only=only, freshness=True)
    code = _print_errors(errors)
    if code == 0:
        total = sum(len(v) for v in graph.corpus.entities.values())
        print(f"Dữ liệu hợp lệ: {total} mục. / Data valid: {total} entries.")
    return code


def cmd_transcription(args: argparse.Namespace) -> int:
    from .transcription import check

    corpus, errors = load_corpus(ROOT, plans_dir=_context().plans_dir)
    if errors:
        return _print_errors(errors)
    failed = 0
    for id_, plan in sorted(corpus.of("documents").items()):
        report = check(plan, corpus.source_file(plan).read_text(encoding="utf-8"))
        print(f"{id_}: dòng {report.found_lines}/{report.total_lines} (bỏ có lý do: {report.omitted_lines}), "
              f"gạch đầu dòng {report.bullets_found}/{report.bullets}")
        for line in report.missing:
            print(f"  THIẾU: {line}")
        for original in report.bad_corrections:
            print(f"  SỬA KHÔNG KHỚP (không có trong bản gốc): {original}")
        failed += bool(report.missing or report.bad_corrections)
    return 1 if failed else 0


def cmd_suggest_topics(args: argparse.Namespace) -> int:
    from .gate import check
    from .topic_suggest import untagged

    graph, errors = check(_context())
    if any(not e.warning for e in errors):
        return _print_errors(errors)
    found = untagged(graph)
    for s in found:
        text = s.text if len(s.text) <= 100 else s.text[:99] + "…"
        print(f"{graph.corpus.path_of('documents', s.plan_id)} #{s.anchor}: có thể thuộc chủ đề “{s.topic_id}” — {text}")
    print(f"{len(found)} gợi ý. Gợi ý chỉ để xem xét: nếu đúng, thêm mã chủ đề vào topics của nhiệm vụ; nếu không, bỏ qua. "
          f"/ {len(found)} suggestion(s); the data decides.")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import BuildFailed, build_site

    try:
        site = build_site(ROOT, Path(args.site_dir) if args.site_dir else None)
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        print("Trang web KHÔNG được cập nhật; bản cũ (nếu có) vẫn giữ nguyên. / Site NOT updated.", file=sys.stderr)
        return 1
    print(f"Đã tạo trang web tại {site}. / Site built in {site}.")
    return 0


def cmd_offline(args: argparse.Namespace) -> int:
    from .build import BuildFailed
    from .offline import OfflineFailed, build_offline

    try:
        copy = build_offline(ROOT, Path(args.out) if args.out else None)
    except (BuildFailed, OfflineFailed) as exc:
        print(exc, file=sys.stderr)
        print("Bản sao ngoại tuyến KHÔNG được tạo. / Offline copy NOT built.", file=sys.stderr)
        return 1

    def mb(size: int) -> str:  # "2,1 MB": Vietnamese writes a decimal comma
        return f"{size / 1_000_000:.1f}".replace(".", ",") + " MB"

    print(f"Đã tạo bản sao ngoại tuyến tại {copy.zip_path}: {copy.files} tệp, {mb(copy.zip_bytes)} "
          f"(giải nén {mb(copy.site_bytes)}; chỉ mục tìm kiếm {copy.index_entries} mục, {mb(copy.index_bytes)}). / Offline copy built.")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(ROOT / "schema"):
        print(path.relative_to(ROOT))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from . import pipeline
    from .errors import ContentErrors
    from .export import export_files

    try:
        graph = pipeline.check(ROOT)
    except ContentErrors as exc:
        return _print_errors(exc.errors)
    out = Path(args.out)
    for name, content in export_files(graph).items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(path)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import new_plan

    try:
        path = new_plan(ROOT, args.id, Path(args.source) if args.source else None, plans_dir=_context().plans_dir)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Đã tạo {path.relative_to(ROOT)}: điền các trường rồi chạy `python -m generator validate`.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .importer.draft import WouldOverwrite
    from .importer.read import ImportRefused
    from .importer.run import Library, import_file

    context = _context()
    corpus, errors = load_corpus(ROOT, plans_dir=context.plans_dir)
    if any(not e.warning for e in errors):
        print("Dữ liệu hiện có đang có lỗi, nên chưa thể đối chiếu bản nháp với danh sách cơ quan và văn bản:", file=sys.stderr)
        return _print_errors(errors)
    source = Path(args.file)
    if not source.is_file():
        print(f"{source}: không tìm thấy tệp này. Gợi ý: kiểm tra lại đường dẫn (đặt trong dấu nháy nếu tên có dấu cách).", file=sys.stderr)
        return 1
    try:
        done = import_file(source, ROOT, context.plans_dir, Library.of(corpus), plan_id=args.id, force=args.force,
                           today=context.today, report_dir=ROOT / "nhap")
    except (ImportRefused, WouldOverwrite) as exc:
        print(exc, file=sys.stderr)
        print("Không có tệp nào được ghi. / Nothing written.", file=sys.stderr)
        return 1
    print(done.report)
    if done.report_path is not None:
        print(f"Báo cáo đã lưu tại {done.report_path.relative_to(ROOT).as_posix()} (không đưa vào kho; dán vào mô tả pull request). "
              f"/ Report saved.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Công cụ dữ liệu kế hoạch bình đẳng giới. / Tools for the gender-equality plan data.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    p = sub.add_parser("validate", help="Kiểm tra dữ liệu, không tạo trang. / Check the data without building.")
    p.add_argument("paths", nargs="*", help="Tệp cần kiểm tra (mặc định: tất cả). / Files to check (default: all).")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("transcription", help="So dữ liệu với văn bản gốc. / Compare the data with the source texts.")
    p.set_defaults(func=cmd_transcription)
    p = sub.add_parser("suggest-topics", help="Gợi ý chủ đề cho nhiệm vụ chưa gắn. / Suggest topics for untagged tasks.")
    p.set_defaults(func=cmd_suggest_topics)
    p = sub.add_parser("build", help="Tạo trang web vào site/ (nguyên khối: lỗi thì giữ bản cũ). / Build the site atomically.")
    p.add_argument("--site-dir", help="Thư mục đích (mặc định site/). / Output folder (default site/).")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("offline", help="Tạo bản sao xem không cần Internet (tệp .zip). / Build the offline copy (zip).")
    p.add_argument("--out", help="Tệp .zip đích (mặc định dist/binh-dang-gioi-ngoai-tuyen.zip). / Output zip.")
    p.set_defaults(func=cmd_offline)
    p = sub.add_parser("export", help="Xuất dữ liệu mở (JSON, CSV, lịch). / Export open data.")
    p.add_argument("--out", default="out/du-lieu", help="Thư mục đích. / Output folder.")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("new", help="Tạo tệp khung có chú thích. / Write a commented skeleton.")
    p.add_argument("what", choices=["plan"], help="Loại mục: plan (kế hoạch). / Kind of entry.")
    p.add_argument("id", help="Mã mới, cũng là tên tệp, ví dụ ke-hoach-123-kh-ubnd-tinh-x-2026. / New id.")
    p.add_argument("--source", help="Tệp văn bản gốc (UTF-8) chép vào plans/sources/<mã>.txt. / Source text to copy.")
    p.set_defaults(func=cmd_new)
    p = sub.add_parser("import", help="Nhập văn bản (.txt, .docx, .pdf) thành bản nháp kế hoạch. / Import a document as a draft plan.")
    p.add_argument("file", help="Tệp văn bản nhận được: .txt, .docx hoặc .pdf có lớp chữ. / The document file.")
    p.add_argument("--id", help="Mã cho kế hoạch mới (mặc định: tự đặt từ loại, số, nơi, năm). / Id of the new plan.")
    p.add_argument("--force", action="store_true", help="Ghi đè các tệp đã có. / Overwrite existing files.")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("schema", help="Tạo lại JSON Schema trong schema/. / Regenerate the JSON Schemas.")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; every ending is a message for people, never a traceback.

    Data errors are printed by the commands (exit 1). Anything else that escapes is a
    bug: one Vietnamese line naming the data file being processed (errors.processing),
    exit 2. GENERATOR_DEBUG=1 shows the traceback for the developers.
    """
    import os

    from .errors import ContentErrors, internal_error

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ContentErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu. / Interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("GENERATOR_DEBUG", "") not in ("", "0"):
            raise
        print(internal_error(exc), file=sys.stderr)
        return 2
