"""`python -m generator new plan ID`: a commented skeleton an editor fills in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from .model.common import Id

SKELETON = """\
# yaml-language-server: $schema=../../schema/documents.json
# Kế hoạch mới. Điền theo văn bản gốc; điều văn bản không ghi thì để trống (xóa dòng).
# Xem mọi trường: trang “Hướng dẫn trường dữ liệu”. Kiểm tra: python -m generator validate
id: {id}
doc_type: ke-hoach            # ke-hoach | chuong-trinh | cong-van | huong-dan | quyet-dinh | bao-cao
number:                       # số, ký hiệu, ví dụ 5947/KH-UBND; để trống nếu văn bản không ghi
title: TÊN VĂN BẢN (TRÍCH YẾU) NHƯ VĂN BẢN GHI
summary: Tóm tắt 2–4 câu bằng lời dễ hiểu cho người dân (ai, khi nào, ở đâu, để làm gì).
issuer:
  name: TÊN CƠ QUAN BAN HÀNH NHƯ VĂN BẢN GHI
  agency:                     # mã trong plans/agencies/, nếu có
  level: tinh                 # trung-uong | tinh | huyen | xa | co-quan
locality:
  name:                       # địa bàn khi ban hành
  province:
place:                        # nơi ban hành, ví dụ Phan Thiết
issued_on:                    # NĂM-THÁNG-NGÀY, ví dụ 2018-05-17
implements: []                # mã văn bản trong plans/legal/ mà kế hoạch này thực hiện
preamble: []                  # đoạn mở đầu, chép nguyên văn
purpose: []
general_objectives: []
specific_objectives: []       # - text: … ; targets: [ {{text: …, value: 100, unit: "%"}} ]
sections:                     # các mục nhiệm vụ
  - title: TÊN MỤC
    tasks:
      - text: NỘI DUNG NHIỆM VỤ, CHÉP NGUYÊN VĂN
budget: []
responsibilities: []          # - heading: Phòng …; agency: mã; duties: [ … ]
reporting: []                 # - text: báo cáo 6 tháng trước ngày 10/6
recipients: []                # nơi nhận
signature:
  authority:                  # ví dụ KT. CHỦ TỊCH
  title:                      # ví dụ PHÓ CHỦ TỊCH
  name:
provenance:
  source_file: plans/sources/{id}.txt   # văn bản gốc (UTF-8); trang “Văn bản gốc” đăng đúng tệp này
  corrections: []             # - original: chữ gốc; corrected: chữ đúng; reason: lý do
last_checked: {today}
"""


def new_plan(root: Path, id_: str, source: Path | None = None, plans_dir: Path | None = None) -> Path:
    """Write the skeleton of plan id_; with source, copy its text to plans/sources/<id>.txt."""
    try:
        TypeAdapter(Id).validate_python(id_)
    except ValidationError:
        raise ValueError(f"mã “{id_}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch nối") from None
    plans_dir = plans_dir or root / "plans"
    path = plans_dir / "documents" / f"{id_}.yaml"
    if path.exists():
        raise ValueError(f"{path.relative_to(root)} đã có; chọn mã khác")
    text = None
    if source is not None:
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise ValueError(f"không đọc được {source} như một tệp văn bản UTF-8; lưu lại tệp với bảng mã UTF-8") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SKELETON.format(id=id_, today=dt.date.today().isoformat()), encoding="utf-8")
    if text is not None:
        target = plans_dir / "sources" / f"{id_}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return path
