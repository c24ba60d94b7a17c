"""Compare spelling packages for the proofread rule: cold load, memory, false alarms on our
own replies (bench/spelling_corpus.txt), corrections of common typos.

Run each in a fresh process from a scratch venv that has the candidates:
    python -m venv /tmp/spellbench && /tmp/spellbench/bin/pip install pyspellchecker symspellpy spylls
    for p in pyspellchecker symspellpy spylls; do /tmp/spellbench/bin/python bench/spelling_candidates.py $p; done
"""
import re, sys, time, resource  # noqa: E401
which = sys.argv[1]
t0 = time.perf_counter()
if which == "pyspellchecker":
    from spellchecker import SpellChecker
    sp = SpellChecker()
    known = lambda w: w in sp  # noqa
    suggest = lambda w: sp.correction(w)
elif which == "symspellpy":
    import importlib.resources
    from symspellpy import SymSpell, Verbosity
    sp = SymSpell(max_dictionary_edit_distance=2)
    sp.load_dictionary(str(importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)
    known = lambda w: w in sp.words
    suggest = lambda w: (sp.lookup(w, Verbosity.TOP, 2) or [None])[0] and sp.lookup(w, Verbosity.TOP, 2)[0].term
elif which == "spylls":
    from spylls.hunspell import Dictionary
    sp = Dictionary.from_files("en_US")
    known = lambda w: sp.lookup(w)
    suggest = lambda w: next(iter(sp.suggest(w)), None)
load = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
corpus = open(sys.argv[2] if len(sys.argv) > 2 else "bench/spelling_corpus.txt").read()
flagged = []
t1 = time.perf_counter()
for m in re.finditer(r"(?<![\w'’])([a-z][a-z'’-]*[a-z])", corpus):
    w = m.group(1).replace("’", "'")
    parts = [w] if "-" not in w else w.split("-")
    for p in parts:
        if not known(p) and not known(p.lower()):
            flagged.append(p)
check = time.perf_counter() - t1
t2 = time.perf_counter()
typos = ["recieve", "definately", "seperate", "accomodate", "occured", "untill", "adress", "wich", "tommorow", "beleive", "refund", "neccessary", "thier", "comming", "payed"]
sugg = {t: suggest(t) for t in typos}
sug = time.perf_counter() - t2
print(f"{which}: load {load*1000:.0f} ms, rss {rss:.0f} MB, check {check*1000:.0f} ms, suggest15 {sug*1000:.0f} ms")
print("  false alarms:", len(flagged), sorted(set(flagged)))
print("  suggestions:", sugg)
