"""The report text: reading it in whatever encoding it came in, placing offsets as line and column, and
finding
quotes in it despite its defects (converter artifacts, either script, full- or half-width characters)."""

from __future__ import annotations

import bisect
import codecs
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from laibin_check.chars import artifacts
from laibin_check.errors import InputError

try:  # CPython's built-in SHA-256 (3.11): hashlib would load OpenSSL (~3 ms of start-up) for the same digest
    from _sha256 import sha256 as _sha256  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.12+ renamed the module; hashlib is right everywhere
    from hashlib import sha256 as _sha256

def _artifacts(text: str) -> list[re.Match[str]]:
    """Every converter artifact of `text` (chars.ARTIFACT_SHAPE after a CJK character: the one definition the
    hygiene check flags by)."""
    return artifacts(text)


class Span(NamedTuple):
    """A stretch of the report: character offsets into the original text, and 1-based line and column."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class ReportText:
    """A report's text as read from disk, with its fingerprint and a way to find quotes in it."""

    def __init__(self, text: str, display_path: str, sha256: str, encoding: str = "utf-8") -> None:
        self.text = text
        self.display_path = display_path
        self.sha256 = sha256
        self.encoding = encoding
        """The encoding the bytes were read in: utf-8, utf-8-sig, utf-16, utf-32, gb18030, big5 or cp950."""
        self.cache: dict[str, Any] = {}
        """Derived views other modules compute once per text (the figure scan); keyed by their module."""
        self._searches = 0
        self._grams: dict[str, list[int]] | None = None
        self._found: dict[str, tuple[Span, ...]] = {}

    @classmethod
    def read(cls, path: Path, display_path: str) -> ReportText:
        from laibin_check.limits import MAX_REPORT_BYTES

        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_REPORT_BYTES + 1)
        except FileNotFoundError:
            raise InputError(display_path, "report file not found") from None
        except IsADirectoryError:
            raise InputError(display_path, "report path is a directory, not a file") from None
        except OSError as exc:
            raise InputError(display_path, f"cannot read report: {exc.strerror}") from None
        if len(data) > MAX_REPORT_BYTES:
            raise InputError(display_path, f"report is larger than {MAX_REPORT_BYTES:,} bytes (the limit of a "
                             "report; split it)")
        sha = _sha256(data).hexdigest()
        text, encoding = decode_report(data, display_path)
        if not text.strip():
            raise InputError(display_path, "report is empty")
        return cls(text, display_path, sha, encoding)

    @classmethod
    def from_string(cls, text: str, display_path: str = "<text>") -> ReportText:
        """A report held in memory (tests, extract from stdin); fingerprinted as its UTF-8 bytes."""
        return cls(text, display_path, _sha256(text.encode("utf-8")).hexdigest())

    # -- places -------------------------------------------------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(m.end() for m in _NEWLINE.finditer(self.text))]

    def place(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, columns counted in characters."""
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.place(start)
        end_line, end_col = self.place(end)
        return Span(start, end, line, col, end_line, end_col)

    def line_text(self, line: int) -> str:
        starts = self._line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    @cached_property
    def _sentence_stops(self) -> list[int]:
        """Offsets of every character that ends a sentence, ascending: one pass, then a bisection per question
        (a line of 5,000 figures would otherwise be walked character by character for each of its findings)."""
        return [m.start() for m in _STOP.finditer(self.text)]

    def sentence_at(self, start: int, end: int | None = None) -> str:
        """The sentence holding [start, end): from the previous 。;!? or line start to the next one."""
        left, right = self.sentence_bounds(start, end)
        return self.text[left:right].strip()

    def sentence_bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """Where `sentence_at(start, end)` is cut from, before stripping: findings that share a sentence can
        share its text."""
        end = start if end is None else end
        stops = self._sentence_stops
        i = bisect.bisect_left(stops, start)
        left = stops[i - 1] + 1 if i else 0
        j = bisect.bisect_left(stops, end)
        right = stops[j] if j < len(stops) else len(self.text)
        if right < len(self.text) and self.text[right] != "\n":
            right += 1
        return left, right

    # -- matching -----------------------------------------------------------------------------------------
    @cached_property
    def normalised(self) -> tuple[str, list[int]]:
        """The text as quotes are compared (see `normalise`), and for each of its characters the offset of the
        original character it came from; one extra entry maps the end."""
        return normalise_with_offsets(self.text)

    @cached_property
    def artifact_spans(self) -> list[tuple[int, int]]:
        """(start, end) of every converter artifact's parenthesis, so quotes are never cut inside one."""
        folded = _fold_width(self.text)
        return [(m.start(), m.end()) for m in _artifacts(folded)]

    def find(self, quote: str) -> list[Span]:
        """Every place the quote occurs, overlapping ones included, in report order.

        Both sides are normalised first: converter artifacts dropped, traditional folded to simplified,
        full-width digits, letters and punctuation folded to half-width. Spans point at the original characters.
        Memoised per text: the engine, coverage and the checks' quotes look up the same quotes again."""
        found = self._found.get(quote)
        if found is None:
            needle = normalise(quote).strip()
            offsets = self.normalised[1]
            found = tuple(self.span(offsets[i], offsets[i + len(needle) - 1] + 1)
                          for i in self._occurrences(needle)) if needle else ()
            self._found[quote] = found
        return list(found)

    def occurs_once(self, quote: str) -> bool:
        """Whether the quote occurs exactly once (`len(find(quote)) == 1`, without placing every occurrence)."""
        needle = normalise(quote).strip()
        return bool(needle) and len(self._occurrences(needle, limit=2)) == 1

    def find_within(self, needle: str, start: int, end: int) -> list[Span]:
        """Occurrences of `needle` that lie inside [start, end) of the original text."""
        return [s for s in self.find(needle) if s.start >= start and s.end <= end]

    def _occurrences(self, needle: str, limit: int = 0) -> list[int]:
        """Normalised offsets where `needle` (already normalised) starts, ascending; at most `limit` (0: all).

        A scan of the whole text per quote is quadratic in a report's length, since quotes grow with it: a
        report 100 times the bundled one holds 100 times the quotes. After a few searches, an index of the
        text's 3-grams is built once (one pass), and a needle is looked for only where its rarest 3-gram is."""
        norm = self.normalised[0]
        self._searches += 1
        if len(needle) < _GRAM or (self._grams is None and (self._searches <= _SCANS or len(norm) < _SMALL)):
            found: list[int] = []
            i = norm.find(needle)
            while i >= 0 and (not limit or len(found) < limit):
                found.append(i)
                i = norm.find(needle, i + 1)
            return found
        grams = self._gram_index()
        best: list[int] | None = None
        at = 0
        for j in range(len(needle) - _GRAM + 1):
            where = grams.get(needle[j:j + _GRAM])
            if where is None:
                return []
            if best is None or len(where) < len(best):
                best, at = where, j
                if len(best) <= 1:
                    break
        assert best is not None
        found = []
        for p in best:
            if p >= at and norm.startswith(needle, p - at):
                found.append(p - at)
                if len(found) == limit:
                    break
        return found

    def _gram_index(self) -> dict[str, list[int]]:
        if self._grams is None:
            norm = self.normalised[0]
            grams: dict[str, list[int]] = {}
            for i in range(len(norm) - _GRAM + 1):
                gram = norm[i:i + _GRAM]
                where = grams.get(gram)
                if where is None:
                    grams[gram] = [i]
                else:
                    where.append(i)
            self._grams = grams
        return self._grams


# Quote search: the length of the indexed grams; how many searches scan the text before the index is built, and
# the text length below which scanning is always cheaper (the bundled report, 5,000 characters, never builds it).
_GRAM = 3
_SCANS = 64
_SMALL = 20_000
_STOP = re.compile("[。;!?\n]")
"""What ends a sentence for `sentence_at` (found by the regex engine: a Python loop over each character cost more
than placing every fact)."""
_NEWLINE = re.compile("\n")


# -- normalisation
# --------------------------------------------------------------------------------------------

# Full-width ASCII (digits, letters, ％，；（） ...) to half-width, the ideographic space to a space, and the
# corner brackets of traditional texts to the curly quotes of simplified ones. All one-to-one, so offsets
# hold.
_WIDTH: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: " ", ord("「"): "“", ord("」"): "”", ord("『"): "‘", ord("』"): "’",
               0x2236: ":", 0xFE30: ":"})
"""∶ (RATIO) and ︰ are the colons of a printed structure (三次产业结构为9.1∶39.9∶51.0): read as ":"."""
_WIDE = re.compile("[\uff01-\uff5e\u3000「」『』\u2236\ufe30]")
"""The characters _WIDTH folds: a text without any (most reports print half-width punctuation) is not translated,
since str.translate looks up every character of a non-ASCII text in the table."""


def _fold_width(text: str) -> str:
    return text.translate(_WIDTH) if _WIDE.search(text) else text


# Characters OpenCC's t2s keeps because they are also valid simplified characters, but which a simplified
# writer
# spells differently in common words (著/着, 瞭/了): folded on both sides so such a quote still matches.
_EXTRA_FOLD: dict[str, str] = {"着": "著", "瞭": "了", "祇": "只", "衹": "只"}

class _Simplified(dict[int, str]):
    """Simplified forms of the characters seen so far, by code point, for str.translate. Characters that do not
    change map to themselves, ASCII from the start. A character not in the table yet maps to itself for the pass
    that meets it and is noted in `new`, to be converted (`_learn`) before the text is translated again: a text of
    known characters is translated in one pass, with no set of its characters built first (that set cost more than
    the translation)."""

    def __init__(self) -> None:
        super().__init__((i, chr(i)) for i in range(128))
        self.new: list[str] = []

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = ch  # once per new character, not once per occurrence
        self.new.append(ch)
        return ch


_T2S = _Simplified()


def _simplified(text: str) -> str:
    """`text` with each character mapped to simplified (with `_EXTRA_FOLD`).

    Characters convert one by one, never as phrases: that keeps the offset map exact and makes a quote convert
    exactly as the same characters in the report do, whatever surrounds them."""
    out = text.translate(_T2S)
    if _T2S.new:
        _learn()
        out = text.translate(_T2S)
    return out


def _learn() -> None:
    """Convert the characters `_T2S` met for the first time. They go to OpenCC's t2s (zhconv) in one call, one
    per line: no dictionary key holds a newline, so none matches across two of them."""
    new = sorted(_T2S.new)
    try:
        from laibin_check.zhconv import converter  # its tables load only when a non-ASCII text is normalised

        conv = converter("t2s")
        outs = conv.convert("\n".join(new)).split("\n")
        if len(outs) != len(new):  # never seen; keep the one-call-per-character meaning all the same
            outs = [conv.convert(ch) for ch in new]
    except BaseException:
        for ch in new:  # unlearnt: asked again next time, never left mapped to itself
            del _T2S[ord(ch)]
        raise
    finally:
        _T2S.new.clear()
    for ch, out in zip(new, outs, strict=True):
        _T2S[ord(ch)] = "".join(_EXTRA_FOLD.get(c, c) for c in (out or ch))


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for each of its characters the offset of its source character in `text`
    (plus one final entry, len(text), for the end)."""
    folded = _fold_width(text)
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _artifacts(folded):
        pieces.append(folded[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    pieces.append(folded[pos:])
    offsets.extend(range(pos, len(folded)))
    kept = "".join(pieces)
    out = _simplified(kept)
    if len(out) != len(kept):
        # A conversion that changes length (rare in t2s; never empty) maps every output character to its one
        # source.
        offsets = [off for ch, off in zip(kept, offsets, strict=True)
                   for _ in range(len(_T2S[ord(ch)]))]
    offsets.append(len(text))
    return out, offsets


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Text as quotes are compared: no converter artifacts, simplified script, half-width ASCII.

    Memoised: a verify run normalises ~540 quotes and printed values, ~160 of them distinct (each character's
    simplified form never changes, so neither does the answer)."""
    return normalise_with_offsets(text)[0]


def strip_artifacts(text: str) -> str:
    if "(" not in text and "\uff08" not in text:
        return text  # an artifact opens with a parenthesis (chars.ARTIFACT_SHAPE); the scanner asks of many slices
    pieces: list[str] = []
    pos = 0
    for m in _artifacts(text):
        pieces.append(text[pos : m.start()])
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces)


# -- reading bytes
# --------------------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 before UTF-16: FF FE 00 00 starts both.
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_COMMON_PUNCT = set("，。、；：？！“”‘’（）《》…—·「」『』％")

# A legacy decoding is accepted when at least this share of its non-ASCII characters are common ones, and it
# beats the other legacy decoding by this margin. Real Chinese text scores above 0.9; bytes decoded in the
# wrong
# one of GB18030 and Big5 score about 0.3-0.5, because their characters fall anywhere in the code table.
COMMON_SHARE = 0.7
COMMON_MARGIN = 0.15


def decode_report(data: bytes, display_path: str) -> tuple[str, str]:
    """The text and the encoding it was read in.

    Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); then strict UTF-8; then GB18030 (a superset of
    GBK
    and GB2312) and Big5 are both tried, and the decoding whose characters are common Chinese characters wins.
    Anything undecidable is refused with an InputError, never guessed."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                message = f"report starts with a {enc} byte-order mark but is not valid {enc}"
                raise _decode_error(data, exc, display_path, message) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        first_error = utf8_error
    if b"\x00" in data:
        raise InputError(display_path, "report looks like UTF-16 or UTF-32 without a byte-order mark; "
                         "save it as UTF-8")
    scored: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "big5", "cp950"):
        if enc == "cp950" and any(e == "big5" for _, e, _ in scored):
            continue  # cp950 is Microsoft's superset of Big5: only needed when strict Big5 fails
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((common_share(text), enc, text))
    scored.sort(key=lambda s: -s[0])
    if not scored:
        raise _decode_error(data, first_error, display_path,
                            "report is not UTF-8, UTF-16 (with a byte-order mark), GB18030/GBK or Big5")
    best_share, best_enc, best_text = scored[0]
    if best_share < COMMON_SHARE:
        raise InputError(display_path, "report is not UTF-8 and does not read as Chinese in GB18030/GBK or "
                         f"Big5 (at best {best_share:.0%} common characters, as {best_enc}); "
                         "save it as UTF-8")
    if len(scored) > 1 and best_share - scored[1][0] < COMMON_MARGIN:
        raise InputError(display_path, f"report is not UTF-8, and reads equally well as {best_enc} and "
                         f"{scored[1][1]}; save it as UTF-8")
    return best_text, best_enc


def common_share(text: str) -> float:
    """The share of non-ASCII characters that are common Chinese characters or punctuation, in either script:
    GB2312 level 1 (the 3,755 commonest simplified characters) or Big5's frequent block (A440-C67E)."""
    total = common = 0
    for ch in text:
        if ch.isascii():
            continue
        total += 1
        if ch in _COMMON_PUNCT or _is_common(ch):
            common += 1
    return common / total if total else 0.0


def _is_common(ch: str) -> bool:
    try:
        gb = ch.encode("gb2312")
        if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b5 = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(b5) == 2 and 0xA440 <= (b5[0] << 8 | b5[1]) <= 0xC67E


def _decode_error(data: bytes, exc: UnicodeDecodeError, display_path: str, message: str) -> InputError:
    """Point at the first undecodable byte: its line, and its column in the characters that decode before
    it."""
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    line = data.count(b"\n", 0, exc.start) + 1
    column = len(data[line_start:exc.start].decode(exc.encoding, errors="replace")) + 1
    return InputError(display_path, f"{message} (byte {exc.start})", line, column)
