"""The legacy Vietnamese font encodings TCVN3 (ABC, fonts .VnTime) and VNI (VNI-Times).

Text typed in these fonts reaches us as the Windows-1252 characters that the font draws
as Vietnamese letters ("Céng hoµ" for "Cộng hoà"). This module converts both to Unicode
and says which encoding, if any, a text is in.

Source of the tables: UniKey's VnConv library (Pham Kim Long, GPL-2), file
`ukengine/data.cpp` of the repository vn-input/ibus-unikey on GitHub: the "TCVN3" row of
`SingleByteTables` and the "VNI-WIN" row of `DoubleByteTables`. They are re-typed here as
one row per vowel (base, then the five tones); tests/test_import_read.py checks every
Vietnamese letter by round trip.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Tones in the order of every row below: ngang, sắc, huyền, hỏi, ngã, nặng.
TONE_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
VOWELS = "aăâeêioôơuưy"

# TCVN3: the code of each lowercase vowel with each tone. The font has no upper-case
# letters with a tone: titles are typed with the same codes in the ".VnTimeH" fonts,
# whose glyphs are capitals (see _restore_case).
_TCVN3_ROWS = {
    "a": "a¸µ¶·¹",
    "ă": "¨¾»¼½Æ",
    "â": "©ÊÇÈÉË",
    "e": "eÐÌÎÏÑ",
    "ê": "ªÕÒÓÔÖ",
    "i": "iÝ×ØÜÞ",
    "o": "oãßáâä",
    "ô": "«èåæçé",
    "ơ": "¬íêëìî",
    "u": "uóïñòô",
    "ư": "\xadøõö÷ù",
    "y": "yýúûüþ",
}
_TCVN3_OTHERS = {"đ": "®", "Ă": "¡", "Â": "¢", "Đ": "§", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦"}

# VNI: a vowel is a base letter followed by a mark letter; i, y-nặng, ơ, ư and đ have
# one-character codes. Capitals are the same codes in upper case ("oä" ộ, "OÄ" Ộ).
_VNI_ROWS = {
    "a": ("a", "aù", "aø", "aû", "aõ", "aï"),
    "ă": ("aê", "aé", "aè", "aú", "aü", "aë"),
    "â": ("aâ", "aá", "aà", "aå", "aã", "aä"),
    "e": ("e", "eù", "eø", "eû", "eõ", "eï"),
    "ê": ("eâ", "eá", "eà", "eå", "eã", "eä"),
    "i": ("i", "í", "ì", "æ", "ó", "ò"),
    "o": ("o", "où", "oø", "oû", "oõ", "oï"),
    "ô": ("oâ", "oá", "oà", "oå", "oã", "oä"),
    "ơ": ("ô", "ôù", "ôø", "ôû", "ôõ", "ôï"),
    "u": ("u", "uù", "uø", "uû", "uõ", "uï"),
    "ư": ("ö", "öù", "öø", "öû", "öõ", "öï"),
    "y": ("y", "yù", "yø", "yû", "yõ", "î"),
}
_VNI_OTHERS = {"đ": "ñ"}


def _letter(vowel: str, tone: int) -> str:
    return unicodedata.normalize("NFC", vowel + TONE_MARKS[tone])


def _build_tcvn3() -> tuple[dict[str, str], dict[int, str]]:
    encode: dict[str, str] = {}
    for vowel, codes in _TCVN3_ROWS.items():
        for tone, code in enumerate(codes):
            letter = _letter(vowel, tone)
            encode[letter] = code
            if not letter.isascii():  # a plain vowel keeps its ASCII capital
                encode.setdefault(letter.upper(), code)  # as typed in a .VnTimeH font
    encode.update(_TCVN3_OTHERS)
    decode = {ord(code): letter for letter, code in encode.items() if letter.islower() and code != letter}
    decode.update({ord(code): letter for letter, code in _TCVN3_OTHERS.items()})
    return encode, decode


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    encode: dict[str, str] = {}
    for vowel, codes in _VNI_ROWS.items():
        for tone, code in enumerate(codes):
            letter = _letter(vowel, tone)
            encode[letter] = code
            encode[letter.upper()] = code.upper()
    for letter, code in _VNI_OTHERS.items():
        encode[letter] = code
        encode[letter.upper()] = code.upper()
    decode: dict[str, str] = {}
    for letter, code in encode.items():
        if code == letter:
            continue
        decode[code] = letter
        if len(code) == 2:
            # A capital typed with a small mark (or the reverse) happens when Caps Lock
            # and Shift cross; the base letter decides the case.
            decode.setdefault(code[0] + code[1].swapcase(), letter)
    return encode, decode


TCVN3_ENCODE, _TCVN3_DECODE = _build_tcvn3()
VNI_ENCODE, _VNI_DECODE = _build_vni()
# Longest codes first, so that "oä" is read as ộ and not as o + ä.
_VNI_CODE = re.compile("|".join(re.escape(c) for c in sorted(_VNI_DECODE, key=len, reverse=True)))
_TCVN3_UPPER = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ¡¢£¤¥¦§")
_TCVN3_LOWER = set("abcdefghijklmnopqrstuvwxyz¨©ª«¬\xad®")
# Every non-ASCII code, "ý" included (it stands for itself, so the decoder skips it).
_TCVN3_CODES = frozenset(c for codes in _TCVN3_ROWS.values() for c in codes if not c.isascii()) | set(_TCVN3_OTHERS.values())
# Codes that stand for a letter of either case (a toned vowel, or ă â ê ô ơ ư đ typed in
# a .VnTimeH font): their case must be guessed.
_CASELESS = _TCVN3_CODES - _TCVN3_UPPER


def encode_tcvn3(text: str) -> str:
    """Unicode → TCVN3 (as a .VnTime/.VnTimeH font user would type it); for tests and fixtures."""
    return "".join(TCVN3_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def encode_vni(text: str) -> str:
    """Unicode → VNI-Windows; for tests and fixtures."""
    return "".join(VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def decode_vni(text: str) -> str:
    return _VNI_CODE.sub(lambda m: _VNI_DECODE[m.group()], text)


def decode_tcvn3(text: str) -> str:
    """TCVN3 → Unicode, giving back capitals to words typed in a .VnTimeH font."""
    return "\n".join("\t".join(_decode_tcvn3_segment(seg) for seg in line.split("\t")) for line in text.split("\n"))


def _case_of(word: str) -> str:
    """"upper" or "lower" when a TCVN3 word with a caseless code shows its case by two or
    more cased letters; else "" (the word tells nothing)."""
    if not any(ch in _CASELESS for ch in word):
        return ""
    if any(ch in _TCVN3_LOWER for ch in word):
        return "lower"
    return "upper" if sum(ch in _TCVN3_UPPER for ch in word) >= 2 else ""


def _decode_tcvn3_segment(segment: str) -> str:
    # A toned letter has one code for both cases, so the case of a word is read from its
    # other letters: "CéNG" is "CỘNG". A short word like "X·" follows its neighbours: it is
    # upper case only in a run of upper-case words (a title) with no lower-case word.
    words = re.split(r"(\s+)", segment)
    cases = [_case_of(w) for w in words]
    title = "upper" in cases and "lower" not in cases
    out = []
    for word, case in zip(words, cases, strict=True):
        plain = word.translate(_TCVN3_DECODE)
        no_small = not any(ch in _TCVN3_LOWER for ch in word)
        if case == "upper" or (title and no_small and any(ch in _CASELESS for ch in word)):
            plain = plain.upper()
        out.append(plain)
    return "".join(out)


# --- Detection --------------------------------------------------------------------------

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# Rhymes without a final consonant, then nuclei that take one (tone marks removed).
_OPEN = "iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|uy|ưa|ưi|ưu|oa|oe|uê|uơ|a|e|ê|i|o|ô|ơ|u|ư|y"
_CLOSED = "uyê|iê|yê|uô|ươ|oă|uâ|oo|oa|oe|uê|uy|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
_SYLLABLE = re.compile(f"(?:{_ONSET})?(?:(?:{_OPEN})|(?:{_CLOSED})(?:ng|nh|ch|c|m|n|p|t))")
_TONE_SET = frozenset(TONE_MARKS[1:])
# A word: a run of anything but spaces, ASCII punctuation and digits, and general
# punctuation (– “ ” …); legacy codes such as "·" or "¸" stay inside words.
_WORD = re.compile(r"[^\s\x00-\x40\x5b-\x60\x7b-\x7f\u2000-\u206f]+")
# Letters that no legacy font text can hold: their presence means real Unicode.
_UNICODE_ONLY = re.compile("[ăđơưĂĐƠƯĩĨũŨ\u1ea0-\u1ef9]")


def is_syllable(word: str) -> bool:
    """Whether a word is spelt like a Vietnamese syllable (at most one tone, a known
    onset, vowel cluster and final). Loose on purpose: it only has to tell text from
    the letter soup that a wrong encoding makes."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in _TONE_SET for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_SET))
    return _SYLLABLE.fullmatch(bare) is not None


@dataclass(frozen=True)
class Verdict:
    """What detect() found. kind: "unicode" (keep the text), "TCVN3" or "VNI" (text is
    the conversion), "unsure" (some sign of a legacy encoding, not enough) or "mixed"
    (legacy and Unicode Vietnamese in one text)."""

    kind: str
    text: str
    words: int = 0      # words with a non-ASCII letter, the only ones that can tell
    for_legacy: int = 0  # of those, spelt right only after the conversion
    for_unicode: int = 0  # spelt right only as they are
    spelt_after: int = 0  # spelt right after the conversion, whatever they were before


# Thresholds: convert when at least MIN_EVIDENCE words speak, at least CONVERT_SHARE of
# the words that speak say "legacy", and SPELT_SHARE of all the words with a non-ASCII
# letter are Vietnamese once converted (else foreign words would be spoilt: "café" →
# "cafộ"). Below UNICODE_SHARE the text is Unicode; in between, nobody can tell.
MIN_EVIDENCE = 3
CONVERT_SHARE = 0.85
SPELT_SHARE = 0.75
UNICODE_SHARE = 0.25


def _evidence(pairs: list[tuple[str, str]], decoder) -> tuple[int, int, int]:
    """Words spelt right only after conversion, only before it, and after it at all."""
    legacy = unicode = spelt = 0
    for word, raw in pairs:
        converted = decoder(raw)
        before, after = is_syllable(word), is_syllable(converted)
        spelt += after
        if converted != word:
            legacy += after and not before
            unicode += before and not after
    return legacy, unicode, spelt


def detect(text: str, legacy_source: str | None = None) -> Verdict:
    """Decide whether `text` is really TCVN3 or VNI.

    `legacy_source` is the same bytes read as Windows-1252 when they were not UTF-8 (the
    legacy fonts are defined on those characters); `text` is then their Windows-1258
    reading before NFC, one character per byte like the source, so that each word of one
    pairs with the same span of the other.
    """
    source = text if legacy_source is None else legacy_source
    spans = [m.span() for m in _WORD.finditer(source) if not m.group().isascii()]
    pairs = [(unicodedata.normalize("NFC", text[a:b]), source[a:b]) for a, b in spans]
    best: tuple[int, int, int, str] = (0, 0, 0, "")
    for name, decoder in (("TCVN3", decode_tcvn3), ("VNI", decode_vni)):
        legacy, unicode, spelt = _evidence(pairs, decoder)
        if legacy - unicode > best[0] - best[1] or not best[3]:
            best = (legacy, unicode, spelt, name)
    legacy, unicode, spelt, name = best
    counts = (len(pairs), legacy, unicode, spelt)
    keep = unicodedata.normalize("NFC", text)
    if legacy < MIN_EVIDENCE or legacy / (legacy + unicode) < UNICODE_SHARE:
        return Verdict("unicode", keep, *counts)
    unicode_words = sum(1 for _, word in pairs if _UNICODE_ONLY.search(word))
    if unicode_words >= MIN_EVIDENCE and unicode_words >= 0.05 * len(pairs):
        return Verdict("mixed", keep, *counts)
    if legacy / (legacy + unicode) < CONVERT_SHARE or spelt < SPELT_SHARE * len(pairs):
        return Verdict("unsure", keep, *counts)
    decoder = decode_tcvn3 if name == "TCVN3" else decode_vni
    return Verdict(name, unicodedata.normalize("NFC", decoder(source)), *counts)
