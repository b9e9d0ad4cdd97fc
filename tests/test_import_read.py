"""generator/importer: reading .txt, .docx and .pdf into plain text, legacy fonts included.

Every fixture is made here, in tmp_path: no binary file is committed.
"""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest

from generator.importer import legacy_fonts
from generator.importer.legacy_fonts import decode_tcvn3, decode_vni, detect, encode_tcvn3, encode_vni
from generator.importer.read import NOTICE_CP1258, Extracted, ImportRefused, clean_text, read_document

pytestmark = pytest.mark.unit

PARAGRAPH = ("Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc.\n"
             "Kế hoạch thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2025 "
             "trên địa bàn tỉnh Thanh Hóa: nâng cao nhận thức, phòng ngừa bạo lực trên cơ sở giới, "
             "hỗ trợ phụ nữ khởi nghiệp và tham gia lãnh đạo, quản lý ở các cấp.")
# The 67 Vietnamese letters that ASCII lacks (60 vowels with a tone, ă â ê ô ơ ư đ), in each case.
TONED = [unicodedata.normalize("NFC", v + t) for v in legacy_fonts.VOWELS for t in legacy_fonts.TONE_MARKS
         if v + t not in "aeiouy"]
LETTERS = TONED + ["đ"] + [ch.upper() for ch in TONED] + ["Đ"]


def windows_1258(text: str) -> bytes:
    """Encode as Windows does: letters with a shape mark (â, ơ…) precomposed, tones apart."""
    def split(match: re.Match) -> str:
        base, marks = match.group(1), match.group(2)
        shape = "".join(m for m in marks if m in "\u0302\u0306\u031b")
        return unicodedata.normalize("NFC", base + shape) + "".join(m for m in marks if m not in shape)

    return re.sub(r"(\w)([\u0300-\u036f]+)", split, unicodedata.normalize("NFD", text)).encode("cp1258")


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def refused(path: Path) -> str:
    with pytest.raises(ImportRefused) as info:
        read_document(path)
    message = str(info.value)
    assert path.name in message and "Gợi ý:" in message
    assert message == unicodedata.normalize("NFC", message)
    return message


# --- The tables -------------------------------------------------------------------------

def test_alphabet_has_134_letters():
    assert len(LETTERS) == len(set(LETTERS)) == 134


@pytest.mark.parametrize("letter", LETTERS)
def test_vni_round_trip_every_letter(letter):
    assert decode_vni(encode_vni(letter)) == letter


def test_tcvn3_round_trip_lower_case_alphabet():
    words = ["ng" + ch for ch in LETTERS[:67]]
    assert decode_tcvn3(encode_tcvn3(" ".join(words))) == " ".join(words)


def test_tcvn3_round_trip_capitals_in_a_title():
    # .VnTimeH draws capitals with the lower-case codes: a title line gets them back.
    words = ["NG" + ch for ch in LETTERS[67:]]
    assert decode_tcvn3(encode_tcvn3(" ".join(words))) == " ".join(words)


def test_tcvn3_codes_are_distinct_per_lower_case_letter():
    codes = [encode_tcvn3(ch) for ch in LETTERS[:67]]
    assert len(set(codes)) == 67 and all(len(c) == 1 and c.isascii() is False for c in codes)


@pytest.mark.parametrize(("legacy", "decode", "unicode"), [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", decode_tcvn3, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", decode_tcvn3, "Độc lập - Tự do - Hạnh phúc"),
    ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", decode_tcvn3, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Sè: 12/KH-UBND\tThanh Hãa, ngµy 05 th¸ng 3 n¨m 2025", decode_tcvn3, "Số: 12/KH-UBND\tThanh Hóa, ngày 05 tháng 3 năm 2025"),
    ("UBND TØNH THANH HãA", decode_tcvn3, "UBND TỈNH THANH HÓA"),
    ("b×nh ®¼ng giíi, phô n÷, ng­êi lao ®éng", decode_tcvn3, "bình đẳng giới, phụ nữ, người lao động"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", decode_vni, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", decode_vni, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("bình ñaúng giôùi, phuï nöõ, ngöôøi lao ñoäng", decode_vni, "bình đẳng giới, phụ nữ, người lao động"),
])
def test_real_phrases(legacy, decode, unicode):
    assert decode(legacy) == unicode


# --- Plain text -------------------------------------------------------------------------

def test_utf8_with_and_without_bom_and_cp1258_give_the_same_text(tmp_path):
    plain = read_document(write(tmp_path, "a.txt", PARAGRAPH))
    bom = read_document(write(tmp_path, "b.txt", b"\xef\xbb\xbf" + PARAGRAPH.encode()))
    # Windows writes Vietnamese in cp1258 with separate tone marks.
    data = windows_1258(PARAGRAPH)
    assert b"\xd2" in data or b"\xf2" in data  # a separate tone mark (hook or dot below)
    cp1258 = read_document(write(tmp_path, "c.txt", data))
    assert plain.text == bom.text == cp1258.text == PARAGRAPH
    assert plain.format == "txt" and plain.notices == bom.notices == []
    assert cp1258.notices == [NOTICE_CP1258]


def test_utf16_from_notepad(tmp_path):
    got = read_document(write(tmp_path, "a.txt", PARAGRAPH.encode("utf-16")))
    assert got.text == PARAGRAPH and "UTF-16" in got.notices[0]


@pytest.mark.parametrize(("encode", "name"), [(encode_tcvn3, "TCVN3"), (encode_vni, "VNI")])
def test_legacy_text_file_is_converted(tmp_path, encode, name):
    data = encode(PARAGRAPH).encode("cp1252")
    got = read_document(write(tmp_path, "a.txt", data))
    assert got.text == PARAGRAPH or name == "TCVN3" and got.text.lower() == PARAGRAPH.lower()
    assert len(got.notices) == 1 and name in got.notices[0] and "Unicode" in got.notices[0]


@pytest.mark.parametrize(("encode", "name"), [(encode_tcvn3, "TCVN3"), (encode_vni, "VNI")])
def test_legacy_text_pasted_into_a_utf8_file_is_converted(tmp_path, encode, name):
    got = read_document(write(tmp_path, "a.txt", encode(PARAGRAPH)))
    assert "bình đẳng giới" in got.text and name in got.notices[0]


def test_tcvn3_example_from_an_old_document(tmp_path):
    got = read_document(write(tmp_path, "a.txt", "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n"))
    assert got.text == "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize("text", [
    "The plan was approved on 5 March 2025 by the provincial committee.\nAll 12 districts will report.",
    "The naïve café served crème brûlée; the résumé of Zoë's fiancée, déjà vu, à la carte.",
    "Số liệu: 12/KH-UBND, 2025, ASEAN, UN Women, SDG 5.",
])
def test_english_or_plain_text_is_not_taken_for_a_legacy_font(tmp_path, text):
    got = read_document(write(tmp_path, "a.txt", text))
    assert got.text == text and got.notices == []


def test_genuine_vietnamese_is_never_converted():
    assert detect(PARAGRAPH).kind == "unicode"
    assert detect(PARAGRAPH.upper()).kind == "unicode"


def test_unicode_mixed_with_tcvn3_is_refused(tmp_path):
    # Converting would spoil the Unicode half ("các" → "cỏc"), keeping would leave the
    # other half unreadable: the editor converts it whole with UniKey instead.
    mixed = PARAGRAPH + "\n" + encode_tcvn3(PARAGRAPH)
    message = refused(write(tmp_path, "tron.txt", mixed))
    assert "Unicode" in message and "UniKey" in message


def test_unsure_text_is_refused(tmp_path):
    # Half the words read as TCVN3, half as English with accents: no safe choice.
    legacy = encode_tcvn3("bình đẳng giới phụ nữ người lao động")
    foreign = "naïve café crème brûlée résumé fiancée déjà señor"
    assert detect(f"{legacy} {foreign} {foreign}").kind == "unsure"
    assert "bảng mã" in refused(write(tmp_path, "a.txt", f"{legacy} {foreign} {foreign}"))


def test_clean_text():
    assert clean_text("a  b \u00a0c \r\n\r\n\r\n  d\t\t e \t\n") == "a b c\n\nd\te"
    assert clean_text("\tphải") == "\tphải"


# --- Word -------------------------------------------------------------------------------

def _borderless_table(document, rows: list[list[str]]):
    table = document.add_table(rows=len(rows), cols=2)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            lines = text.split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    return table


def make_docx(path: Path, encode=lambda s: s) -> Path:
    import docx

    document = docx.Document()
    _borderless_table(document, [[encode("UBND TỈNH THANH HÓA\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 12/KH-SLĐTBXH"),
                                  encode("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nThanh Hóa, ngày 05 tháng 3 năm 2025")]])
    document.add_paragraph(encode("KẾ HOẠCH"))
    document.add_paragraph(encode("Thực hiện công tác bình đẳng giới năm 2025"))
    document.add_paragraph("")
    document.add_paragraph(encode("Nâng cao nhận thức về bình đẳng giới cho cán bộ, công chức và người lao động."))
    _borderless_table(document, [[encode("Nơi nhận:\n- Như trên;\n- Lưu: VT."),
                                  encode("GIÁM ĐỐC\n\n\n\nNguyễn Văn An")]])
    document.save(path)
    return path


DOCX_TEXT = ("UBND TỈNH THANH HÓA\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\tĐộc lập - Tự do - Hạnh phúc\n"
             "Số: 12/KH-SLĐTBXH\tThanh Hóa, ngày 05 tháng 3 năm 2025\n"
             "KẾ HOẠCH\n"
             "Thực hiện công tác bình đẳng giới năm 2025\n"
             "\n"
             "Nâng cao nhận thức về bình đẳng giới cho cán bộ, công chức và người lao động.\n"
             "Nơi nhận:\tGIÁM ĐỐC\n"
             "- Như trên;\tNguyễn Văn An\n"
             "- Lưu: VT.")


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    got = read_document(make_docx(tmp_path / "kh.docx"))
    assert got.format == "docx" and got.notices == []
    assert got.text == DOCX_TEXT


def test_docx_merged_cells_are_read_once(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Tiêu đề gộp ba cột"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Hai cột"
    table.cell(1, 2).text = "Một cột"
    path = tmp_path / "gop.docx"
    document.save(path)
    assert read_document(path).text == "Tiêu đề gộp ba cột\nHai cột\tMột cột"


def test_docx_typed_in_tcvn3_is_converted(tmp_path):
    got = read_document(make_docx(tmp_path / "cu.docx", encode_tcvn3))
    assert got.text == DOCX_TEXT
    assert "TCVN3" in got.notices[0]


def test_docx_typed_in_vni_is_converted(tmp_path):
    got = read_document(make_docx(tmp_path / "vni.docx", encode_vni))
    assert got.text == DOCX_TEXT and "VNI" in got.notices[0]


def test_corrupt_docx_is_refused(tmp_path):
    good = make_docx(tmp_path / "kh.docx").read_bytes()
    assert "hỏng" in refused(write(tmp_path, "cut.docx", good[: len(good) // 2]))
    assert "hỏng" in refused(write(tmp_path, "fake.docx", b"this is not a zip at all"))


# --- PDF --------------------------------------------------------------------------------

def make_pdf(path: Path, body: str) -> Path:
    from weasyprint import HTML

    HTML(string=f"<html><body style=\"font-family: 'DejaVu Sans'; font-size: 12pt\">{body}</body></html>").write_pdf(path)
    return path


PDF_BODY = ("<table style='width:100%'><tr><td>UBND TỈNH THANH HÓA</td><td style='text-align:right'>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr></table>"
            "<h1>KẾ HOẠCH</h1><p>Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2025 trên địa bàn "
            "tỉnh, bảo đảm quyền bình đẳng giữa nam và nữ trong mọi lĩnh vực của đời sống xã hội.</p>")


def test_pdf_text_layer(tmp_path):
    got = read_document(make_pdf(tmp_path / "kh.pdf", PDF_BODY))
    assert got.format == "pdf" and got.notices == []
    assert got.text == unicodedata.normalize("NFC", got.text)
    lines = got.text.split("\n")
    assert lines[0] == "UBND TỈNH THANH HÓA\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert "KẾ HOẠCH" in lines
    # The wrapped paragraph comes back as one line.
    assert any(line.startswith("Thực hiện") and line.endswith("đời sống xã hội.") for line in lines)


def test_scanned_pdf_is_refused(tmp_path):
    from PIL import Image

    path = tmp_path / "scan.pdf"
    Image.new("RGB", (600, 800), "white").save(path, "PDF")
    message = refused(path)
    assert "lớp chữ" in message and ".docx" in message


def test_scanned_page_inside_a_pdf_is_told(tmp_path):
    from PIL import Image
    from pypdf import PdfReader, PdfWriter

    text = make_pdf(tmp_path / "kh.pdf", PDF_BODY)
    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (600, 800), "white").save(scan, "PDF")
    writer = PdfWriter()
    for source in (text, scan):
        for page in PdfReader(source).pages:
            writer.add_page(page)
    both = tmp_path / "both.pdf"
    with both.open("wb") as out:
        writer.write(out)
    got = read_document(both)
    assert "KẾ HOẠCH" in got.text and len(got.notices) == 1 and "Trang 2" in got.notices[0]


def test_corrupt_pdf_is_refused(tmp_path):
    good = make_pdf(tmp_path / "kh.pdf", PDF_BODY).read_bytes()
    assert "PDF" in refused(write(tmp_path, "cut.pdf", good[:400]))
    assert "PDF" in refused(write(tmp_path, "fake.pdf", "không phải PDF"))


def test_encrypted_pdf_is_refused(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(make_pdf(tmp_path / "kh.pdf", PDF_BODY)))
    writer.encrypt(user_password="mat-khau", algorithm="RC4-128")
    path = tmp_path / "khoa.pdf"
    with path.open("wb") as out:
        writer.write(out)
    assert "mật khẩu" in refused(path)


def test_reading_ten_pages_is_fast(tmp_path):
    paragraph = "<p>Nâng cao nhận thức về bình đẳng giới cho cán bộ, công chức, viên chức và người lao động trong toàn tỉnh.</p>"
    path = make_pdf(tmp_path / "dai.pdf", PDF_BODY + paragraph * 170)
    start = time.perf_counter()
    got = read_document(path)
    assert time.perf_counter() - start < 1.0
    assert got.text.count("Nâng cao nhận thức") == 170


# --- Refused kinds ----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "says"), [
    ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
    ("van-ban.odt", b"", ".odt"),
    ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "ảnh"),
    ("anh.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 50, "ảnh"),
    ("bang.xlsx", b"not really", "Excel"),
    ("rong.txt", b"  \n", "rỗng"),
    ("nhi-phan.bin", b"abc\x00\x01\x02def", "văn bản thuần"),
])
def test_unsupported_files_are_refused(tmp_path, name, data, says):
    if name.endswith(".odt"):
        import zipfile

        with zipfile.ZipFile(tmp_path / name, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            z.writestr("content.xml", "<office:document-content/>")
        path = tmp_path / name
    else:
        path = write(tmp_path, name, data)
    message = refused(path)
    assert says in message


def test_unsupported_format_names_the_accepted_ones(tmp_path):
    message = refused(write(tmp_path, "cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100))
    assert ".txt" in message and ".docx" in message and ".pdf" in message and "Lưu thành" in message


def test_missing_file_and_folder_are_refused(tmp_path):
    assert "không tìm thấy" in refused(tmp_path / "khong-co.txt")
    (tmp_path / "thu-muc").mkdir()
    assert "thư mục" in refused(tmp_path / "thu-muc")


def test_result_type(tmp_path):
    got = read_document(write(tmp_path, "a.md", PARAGRAPH))
    assert isinstance(got, Extracted) and got.format == "txt"
