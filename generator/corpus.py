"""Load and validate every data file under plans/, by folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .content_types import TYPES
from .errors import ContentError
from .load import Located, load_file
from .urls import reserved_ids
from .validate import validate


@dataclass
class Corpus:
    """Every valid entity, by kind and id, with where it came from."""

    root: Path
    plans_dir: Path
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    located: dict[tuple[str, str], Located] = field(default_factory=dict)

    def of(self, kind: str) -> dict[str, Any]:
        return self.entities.setdefault(kind, {})

    def path_of(self, kind: str, id_: str) -> str:
        return self.located[(kind, id_)].path

    def line_of(self, kind: str, id_: str, loc: tuple) -> int:
        return self.located[(kind, id_)].line_of(loc)

    def source_file(self, plan: BaseModel) -> Path:
        """The plan's source text: provenance.source_file ("plans/sources/x.txt") inside
        this corpus's data folder. The field class confines it there and checked it exists."""
        return self.plans_dir / "sources" / plan.provenance.source_file.rsplit("/", 1)[1]  # type: ignore[attr-defined]


def data_files(plans_dir: Path) -> list[tuple[str, Path]]:
    """(content type, path) for each YAML file in a known folder, sorted for stable output."""
    found = []
    for kind in TYPES:
        folder = plans_dir / kind
        if folder.is_dir():
            found += [(kind, p) for p in sorted(folder.glob("*.y*ml")) if p.suffix in (".yaml", ".yml")]
    return found


def within(file: Path, paths: list[Path]) -> bool:
    """True when file is one of paths or inside one of them (folders and files alike)."""
    file = file.resolve()
    return any(file == p or p in file.parents for p in paths)


def _id_errors(kind: str, entity: Any, path: Path, located: Located) -> list[ContentError]:
    id_ = entity.id
    line = located.line_of(("id",))
    if id_ != path.stem:
        return [ContentError(located.path, line, "id", f"mã “{id_}” khác tên tệp “{path.name}”",
                             f"đặt tên tệp là “{id_}.yaml” hoặc sửa id thành “{path.stem}”")]
    if id_ in reserved_ids(kind):
        return [ContentError(located.path, line, "id", f"mã “{id_}” trùng với tên một trang cố định của trang web",
                             f"chọn mã khác (các tên dành riêng: {', '.join(sorted(reserved_ids(kind)))}) và đổi tên tệp theo mã")]
    return []


def load_corpus(root: Path, plans_dir: Path | None = None, only: list[Path] | None = None) -> tuple[Corpus, list[ContentError]]:
    """Load every file; return the corpus and all errors (only those inside `only`, the
    files and folders given to `validate PATH…`, when it is set)."""
    plans_dir = plans_dir or root / "plans"
    corpus = Corpus(root=root, plans_dir=plans_dir)
    errors: list[ContentError] = []
    for kind in TYPES:
        corpus.of(kind)
    # Rules that need the project (a source file must exist) read it from the context.
    context = {"sources_dir": plans_dir / "sources"}
    for kind, path in data_files(plans_dir):
        located, errs = load_file(path, root)
        errors += errs
        if located is None:
            continue
        entity, errs = validate(located, TYPES[kind].model, context)
        errors += errs
        if entity is None:
            continue
        errs = _id_errors(kind, entity, path, located)
        errors += errs
        id_ = entity.id
        if id_ in corpus.of(kind):
            first = corpus.path_of(kind, id_)
            errors.append(ContentError(located.path, located.line_of(("id",)), "id",
                                       f"mã “{id_}” đã được dùng trong {first}", "mỗi mục phải có một mã riêng; đổi mã của một trong hai"))
            continue
        if errs:
            continue
        corpus.of(kind)[id_] = entity
        corpus.located[(kind, id_)] = located
    if only is not None:
        wanted = [p.resolve() for p in only]
        errors = [e for e in errors if within(root / e.file, wanted)]
    return corpus, errors
