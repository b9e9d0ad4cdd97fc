"""LinkChecker's command line, with its AnchorCheck plugin collecting each page's anchors once.

LinkChecker (10.6.0) checks every link that has an anchor as a URL of its own, and its
AnchorCheck walks the whole parsed page for each of them: a page with 40 table-of-contents
links is walked 40 times, which made the site check take minutes. Here AnchorCheck.check
keeps the anchors found per page (the URL without its fragment); the verdict and its
message are still LinkChecker's own (UrlAnchorCheck.check_anchor). tests/test_links.py
proves on a broken copy that missing anchors are still reported.

Run as a script, with LinkChecker's arguments: python tests/linkcheck_cached.py [options].
"""

from __future__ import annotations

import sys
import threading

from linkcheck.command.linkchecker import linkchecker
from linkcheck.plugins import anchorcheck

_anchors: dict[str, list] = {}
_lock = threading.Lock()  # LinkChecker checks URLs in threads


def _check(self, url_data) -> None:
    page = url_data.url.split("#", 1)[0]
    with _lock:
        known = _anchors.get(page)
    if known is None:
        collector = anchorcheck.UrlAnchorCheck()
        anchorcheck.linkparse.find_links(url_data.get_soup(), collector.add_anchor,
                                         anchorcheck.linkparse.AnchorTags)
        known = collector.anchors
        with _lock:
            _anchors[page] = known
    verdict = anchorcheck.UrlAnchorCheck()
    verdict.anchors = known
    verdict.check_anchor(url_data)


if __name__ == "__main__":
    anchorcheck.AnchorCheck.check = _check
    sys.argv[0] = "linkchecker"
    linkchecker()
