"""Load and validate every data file under plans/, by folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .errors import ContentError
from .load import Located, load_file
from .model import KINDS
from .validate import validate


@dataclass
class Corpus:
    """Every valid entity, by kind and id, with where it came from."""

    root: Path
    entities: dict[str, dict[str, BaseModel]] = field(default_factory=dict)
    located: dict[tuple[str, str], Located] = field(default_factory=dict)

    def of(self, kind: str) -> dict[str, BaseModel]:
        return self.entities.setdefault(kind, {})

    def path_of(self, kind: str, id_: str) -> str:
        return self.located[(kind, id_)].path

    def line_of(self, kind: str, id_: str, loc: tuple) -> int:
        return self.located[(kind, id_)].line_of(loc)


def data_files(plans_dir: Path) -> list[tuple[str, Path]]:
    """(kind, path) for each YAML file in a known folder, sorted for stable output."""
    found = []
    for kind in KINDS:
        folder = plans_dir / kind
        if folder.is_dir():
            found += [(kind, p) for p in sorted(folder.glob("*.y*ml")) if p.suffix in (".yaml", ".yml")]
    return found


def load_corpus(root: Path, plans_dir: Path | None = None, only: list[Path] | None = None) -> tuple[Corpus, list[ContentError]]:
    """Load every file (or only some, for `validate PATH`); return the corpus and all errors."""
    plans_dir = plans_dir or root / "plans"
    corpus = Corpus(root=root)
    errors: list[ContentError] = []
    for kind in KINDS:
        corpus.of(kind)
    only_set = {p.resolve() for p in only} if only else None
    for kind, path in data_files(plans_dir):
        located, errs = load_file(path, root)
        errors += errs
        if located is None:
            continue
        entity, errs = validate(located, KINDS[kind])
        errors += errs
        if entity is None:
            continue
        id_ = getattr(entity, "id")
        if id_ != path.stem:
            errors.append(ContentError(located.path, located.line_of(("id",)), "id",
                                       f"mã “{id_}” khác tên tệp “{path.name}”",
                                       f"đặt tên tệp là “{id_}.yaml” hoặc sửa id thành “{path.stem}”"))
        if id_ in corpus.of(kind):
            first = corpus.path_of(kind, id_)
            errors.append(ContentError(located.path, located.line_of(("id",)), "id",
                                       f"mã “{id_}” đã được dùng trong {first}", "mỗi mục phải có một mã riêng; đổi mã của một trong hai"))
            continue
        corpus.of(kind)[id_] = entity
        corpus.located[(kind, id_)] = located
    if only_set is not None:
        errors = [e for e in errors if (root / e.file).resolve() in only_set or e.file.startswith("/")]
    return corpus, errors
