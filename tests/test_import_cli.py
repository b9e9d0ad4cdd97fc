"""`python -m generator import FILE`: each input format, end to end, the way an editor
runs it: a draft and its report, review marks that `validate` lists with file and line,
nothing overwritten without --force, nothing written when the file is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import import CONG_VAN
from test_import_read import windows_1258

from generator.importer.legacy_fonts import encode_tcvn3
from helpers import copy_project, run_cli


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("import") / "p")


def _files(project: Path) -> set[Path]:
    return {p for p in (project / "plans").rglob("*") if p.is_file()}


def _docx(path: Path) -> Path:
    """CONG_VAN as a Word file: the header and the signature in two-column tables."""
    from docx import Document

    doc = Document()
    rows = [line.split("\t") for line in CONG_VAN.splitlines()]
    header = doc.add_table(rows=3, cols=2)
    for r, cells in enumerate(rows[:3]):
        for c, text in enumerate(cells):
            header.cell(r, c).text = text
    for line in CONG_VAN.splitlines()[3:12]:
        doc.add_paragraph(line)
    closing = doc.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    closing.cell(0, 1).text = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nTrần Văn Mẫu"
    doc.save(str(path))
    return path


def _pdf(path: Path) -> Path:
    """A one-page PDF with a text layer, made with WeasyPrint."""
    from weasyprint import HTML

    body = "".join(f"<p>{line}</p>" for line in CONG_VAN.replace("\t", "   ").splitlines()[3:12])
    HTML(string=f"<html><body style='font-family: DejaVu Sans; font-size: 10pt'><p>KẾ HOẠCH</p>"
                f"<p>Tuyên truyền về bình đẳng giới năm 2026</p>{body}</body></html>").write_pdf(str(path))
    return path


def _scan(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (600, 800), "white").save(str(path), "PDF")
    return path


def test_a_word_file_becomes_a_draft_that_validate_holds_back(project: Path, tmp_path: Path) -> None:
    source = _docx(tmp_path / "cong-van.docx")
    result = run_cli("import", str(source), "--id", "cv-docx", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "# Báo cáo nhập văn bản: cv-docx" in result.stdout and "## Cần kiểm tra" in result.stdout
    plan = project / "plans" / "documents" / "cv-docx.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "number: 77/SVH-GĐ" in text and "name: Trần Văn Mẫu" in text and "issued_on: 2026-10-09" in text
    assert (project / "plans" / "sources" / "cv-docx.txt").is_file()
    assert (project / "nhap" / "cv-docx.md").read_text(encoding="utf-8") in result.stdout
    checked = run_cli("validate", cwd=project)
    assert checked.returncode == 1
    marked = [n for n, line in enumerate(text.splitlines(), 1) if "# cần kiểm tra:" in line]
    for n in marked:
        assert f"plans/documents/cv-docx.yaml:{n}:" in checked.stderr
    assert "cần kiểm tra:" in checked.stderr and "Gợi ý" in checked.stderr

    # Nothing unsure is published: the build stops at the same marks, the old site stays.
    built = run_cli("build", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 1 and "cần kiểm tra:" in built.stderr and not (tmp_path / "site").exists()

    # A second import of the same file refuses to overwrite, and writes nothing.
    plan.write_text(text + "# sửa tay\n", encoding="utf-8")
    before = _files(project)
    again = run_cli("import", str(source), "--id", "cv-docx", cwd=project)
    assert again.returncode == 1 and "Không ghi đè" in again.stderr and "--force" in again.stderr
    assert _files(project) == before and plan.read_text(encoding="utf-8").endswith("# sửa tay\n")
    forced = run_cli("import", str(source), "--id", "cv-docx", "--force", cwd=project)
    assert forced.returncode == 0 and not plan.read_text(encoding="utf-8").endswith("# sửa tay\n")


def test_a_pdf_with_text_imports(project: Path, tmp_path: Path) -> None:
    result = run_cli("import", str(_pdf(tmp_path / "ke-hoach.pdf")), "--id", "kh-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    text = (project / "plans" / "documents" / "kh-pdf.yaml").read_text(encoding="utf-8")
    assert "doc_type: ke-hoach" in text and "Treo băng rôn hưởng ứng Tháng hành động" in text


def test_a_scanned_pdf_is_refused_and_nothing_is_written(project: Path, tmp_path: Path) -> None:
    before = _files(project)
    result = run_cli("import", str(_scan(tmp_path / "ban-quet.pdf")), cwd=project)
    assert result.returncode == 1
    assert "ban-quet.pdf" in result.stderr and "không có lớp chữ" in result.stderr and "Gợi ý" in result.stderr
    assert "Traceback" not in result.stderr and _files(project) == before


@pytest.mark.parametrize(("encoding", "notice"), [("tcvn3", "TCVN3"), ("cp1258", "Windows-1258")])
def test_legacy_encodings_are_converted_with_a_notice(project: Path, tmp_path: Path, encoding: str, notice: str) -> None:
    text = CONG_VAN.replace("\t", "   ")
    source = tmp_path / f"cong-van-{encoding}.txt"
    if encoding == "tcvn3":
        source.write_bytes(encode_tcvn3(text).encode("cp1252", errors="replace"))
    else:
        source.write_bytes(windows_1258(text))
    result = run_cli("import", str(source), "--id", f"cv-{encoding}", cwd=project)
    assert result.returncode == 0, result.stderr
    assert notice in result.stdout
    draft = (project / "plans" / "documents" / f"cv-{encoding}.yaml").read_text(encoding="utf-8")
    assert "Treo băng rôn hưởng ứng Tháng hành động vì bình đẳng giới" in draft


def test_the_contributing_page_walks_an_editor_through_an_import(built_site: Path) -> None:
    """The steps from a received file to a pull request are on the site, where editors read."""
    from helpers import page_soup

    soup = page_soup(built_site, "dong-gop/")
    heading = soup.find(id="them-mot-van-ban-moi")
    assert heading is not None and heading.get_text(strip=True).startswith("Thêm một văn bản mới")
    section = []
    for node in heading.find_next_siblings():
        if node.name == "h2":
            break
        section.append(node.get_text(" ", strip=True))
    text = " ".join(section)
    for words in ("make import FILE=", "cần kiểm tra:", "make validate", "--force", "pull request"):
        assert words in text, words
