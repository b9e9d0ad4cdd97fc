"""Stage 3: resolve references between entities and build the reverse indexes."""

from __future__ import annotations

from .corpus import Corpus
from .errors import ContentError


def link(corpus: Corpus):
    return corpus, []
