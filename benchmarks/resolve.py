"""Notice resolution accuracy: which notice a question names, over every notice of the
given folders indexed together (default: notices/ + ../shared/corpus/{notices,dev,scale}).

    .venv/bin/python benchmarks/resolve.py [DIR ...] [--part tune|heldout|all] [--per-kind 120] [--seed 7] [--show 10]
    .venv/bin/python benchmarks/resolve.py --references benchmarks/data/resolve_fresh.jsonl

References are generated from the notices' metadata, the ways users name a post (title
only; organisation + place; grade + place; acronym + title; misspelt place; a follow-up
"and the one in X?" after a question about a sibling post), plus the hand-written ones
of `HANDWRITTEN` (the job's subject, as a user would say it). A reference's expected
notices are every notice its words fit (same title, organisation, place or grade), so a
question that cannot tell two posts apart expects a clarification.

Outcome per reference: correct (resolved to the one expected notice), clarified (a
clarification whose candidates include an expected notice; for a question several
notices fit, that is the right answer), guessed (resolved to one of several that fit
equally), wrong (another notice, or a clarification without the right one), none (no
notice found). Prints counts per kind and the first `--show` failures.

Tuning and held-out parts (`--part`): each reference belongs to one part by a fixed rule
on the notice it was made from (`part_of`: the first byte of the SHA-256 of that notice's
file name, even → tune, odd → held out; a hand-written reference goes by the file of the
smallest id it expects). The resolver is tuned on `--part tune` only; `--part heldout` measures it.
"""

from __future__ import annotations

import argparse
import pickle
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.cards import NoticeCard, card_for  # noqa: E402
from assistant.resolve import Resolver, Tuning  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.vocabulary import ENTITY_ACRONYMS  # noqa: E402
from index.vocab import ORGANISATIONS  # noqa: E402
from index.build import collect, parse_notice  # noqa: E402
from index.derived import parser_hash  # noqa: E402
from index.errors import VacancyError  # noqa: E402
from index.load import load  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_DIRS = [ROOT / "notices", SHARED / "notices", SHARED / "dev", SHARED / "scale"]

# (question, history, words that pick the expected notice: every word must be in its
# title + duty station + organisation + source, case-insensitively). Written from the
# notices, as users would ask.
HANDWRITTEN: list[tuple[str, list[str], tuple[str, ...]]] = [
    ("What degree does the P-3 in Laayoune require?", [], ("laayoune",)),
    ("Who does the MINURSO security coordination officer report to?", [], ("laayoune",)),
    ("When does the security job in Western Sahara close?", [], ("laayoune",)),
    ("What languages does the chief security officer in Haiti need?", [], ("port-au-prince",)),
    ("Is there a salary for the Port au Prince post?", [], ("port-au-prince",)),
    ("What does the IOM regional security officer do?", [], ("pretoria",)),
    ("How many years of experience for the security officer in South Africa?", [], ("pretoria",)),
    ("And the one in Pretoria?", ["What languages does the Laayoune post require?"], ("pretoria",)),
    ("And in Haiti?", ["What languages does the Laayoune post require?"], ("port-au-prince",)),
    ("What about the Haitian one?", ["When does the Pretoria post close?"], ("port-au-prince",)),
    ("Who may apply for the protection coordination officer?", [], ("protection coordination",)),
    ("What does the crisis management security coordinator do?", [], ("crisis management",)),
    ("Tell me about the library job at the Dag Hammarskjöld Library", [], ("001_un-dhl",)),
    ("What is the grade of the audiovisual librarian post?", [], ("digital audiovisual",)),
    ("How long is the UN audiovisual library assistant contract?", [], ("audiovisual library/archive",)),
    ("Is the UN librarian/archivist internship paid?", [], ("librarian/archivist internship",)),
    ("What does the UNDP archivist intern do?", [], ("archivist/documentalist",)),
    ("What does the accounting assistant at the Department of Operational Support do?", [], ("accounting",)),
    ("What is the UNICEF digital asset manager consultancy about?", [], ("digital asset manager",)),
    ("What languages does the WFP programme associate in Colombo need?", [], ("programmme associate",)),
    ("What grade is the activity manager post in Sri Lanka?", [], ("activity manager",)),
    ("What is the closing date of the WFP coordination post in Dhaka?", [], ("dhaka",)),
    ("What does the business support assistant in Lesotho do?", [], ("maseru",)),
    ("Where is the supply chain consultancy in Chad based?", [], ("supply chain",)),
    ("What does the partnerships officer in Korea do?", [], ("partnerships officer",)),
    ("What licence does the senior driver in Karachi need?", [], ("014_ilo",)),
    ("What does the IOM senior programme assistant in Berbera do?", [], ("berbera",)),
    ("What does the community-based protection assistant in Cox's Bazar do?", [], ("cox",)),
    ("the IT help-desk job in Aden: when does it close?", [], ("017_wfp",)),
    ("What does the ACTED CCCM technical coordinator in Hargeisa do?", [], ("cccm",)),
    ("What does the World Vision accountability coordinator do?", [], ("accountabilty",)),
    ("What skills does the UNICEF front-end designer need?", [], ("front end",)),
    ("Who is the Giga UX design specialist working for?", [], ("giga",)),
    ("Is the WRI data lab designer job in London hybrid?", [], ("data lab",)),
    ("What does the EU governance team leader in Malawi do?", [], ("governance",)),
    ("What does the WFP logistics officer in Aden do?", [], ("logistics officer",)),
    ("What does the ACF information management officer in Aden do?", [], ("ikm",)),
    ("Which degree does the ACF nutrition programme manager need?", [], ("nutrition",)),
    ("Does the data entry assistant in Aden need English?", [], ("data entry",)),
    ("What does the New York Times software engineer do?", [], ("028_nytimes",)),
    ("What does the Columbia digital repository developer do?", [], ("029_columbia",)),
    ("Is the UNICEF visual design consultancy in Stockholm remote?", [], ("030_unicef",)),
    ("And the designer one in Stockholm?", ["What does the Giga UX design specialist do?"], ("030_unicef",)),
]


@dataclass(frozen=True)
class Reference:
    kind: str
    question: str
    history: tuple[str, ...]
    expected: frozenset[str]
    source: str = ""             # the notice the reference was made from (its part)


PARTS = ("tune", "heldout")


def part_of(ref: Reference, files: dict[str, str]) -> str:
    """The reference's part, by the file name of the notice it was made from (`files`:
    notice id → file name): fixed whatever the resolver and the parser. (Notice ids hash
    the parser too, so a part drawn from ids moved with every parser change; before round
    6 it was.)"""
    import hashlib

    source = files[ref.source or min(ref.expected, key=files.get)]
    return PARTS[hashlib.sha256(source.encode()).digest()[0] % 2]


def read_notices(dirs: list[Path], cache: Path):
    import hashlib

    key = cache / f"notices-{parser_hash()}-{hashlib.sha256(repr(sorted(map(str, dirs))).encode()).hexdigest()[:12]}.pickle"
    if key.exists():
        return pickle.loads(key.read_bytes())
    out = []
    config = Settings(_env_file=None).index_config()
    for path in collect([d for d in dirs if d.exists()], follow_inside=False):
        try:
            out.append(parse_notice(path.name, load(path, config.max_file_bytes, config.limits).text))
        except VacancyError:
            continue
    key.write_bytes(pickle.dumps(out))
    return out


def _norm(text: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").lower()))


def _city(card: NoticeCard) -> str | None:
    if not card.duty_station:
        return None
    first = re.split(r"[,(;/]| - ", card.duty_station)[0].strip()
    return first if 3 <= len(first) <= 30 and not re.search(r"\d", first) else None


def _org(card: NoticeCard) -> str | None:
    """The first known organisation or UN entity acronym (not any bracketed acronym)."""
    names = [a for a in card.acronyms if a != "UN" and (a in ORGANISATIONS or a in ENTITY_ACRONYMS)]
    return names[0] if names else None


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:] if rng.random() < 0.5 else word[:i] + word[i + 1:]


def generated(cards: list[NoticeCard], per_kind: int, rng: random.Random) -> list[Reference]:
    by_title = defaultdict(set)
    by_org_city = defaultdict(set)
    by_grade_city = defaultdict(set)
    for c in cards:
        by_title[_norm(c.title)].add(c.notice_id)
        if _org(c) and _city(c):
            by_org_city[(_org(c), _city(c).lower())].add(c.notice_id)
        if c.grade and _city(c):
            by_grade_city[(c.grade.lower(), _city(c).lower())].add(c.notice_id)
    titled = [c for c in cards if c.title and 2 <= len(c.title.split()) <= 10]
    out: list[Reference] = []
    for c in rng.sample(titled, min(per_kind, len(titled))):
        out.append(Reference("title only", f"What does the {c.title} do?", (), frozenset(by_title[_norm(c.title)]),
                             c.notice_id))
    pool = [c for c in cards if _org(c) and _city(c)]
    for c in rng.sample(pool, min(per_kind, len(pool))):
        out.append(Reference("organisation + place", f"What are the requirements for the {_org(c)} post in {_city(c)}?",
                             (), frozenset(by_org_city[(_org(c), _city(c).lower())]), c.notice_id))
    pool = [c for c in cards if c.grade and _city(c)]
    for c in rng.sample(pool, min(per_kind, len(pool))):
        out.append(Reference("grade + place", f"When does the {c.grade} in {_city(c)} close?", (),
                             frozenset(by_grade_city[(c.grade.lower(), _city(c).lower())]), c.notice_id))
    pool = [c for c in titled if _org(c)]
    for c in rng.sample(pool, min(per_kind, len(pool))):
        same = {n for n in by_title[_norm(c.title)] if n in {d.notice_id for d in cards if _org(d) == _org(c)}}
        out.append(Reference("acronym + title", f"Who does the {_org(c)} {c.title} report to?", (),
                             frozenset(same or {c.notice_id}), c.notice_id))
    pool = [c for c in titled if _city(c) and len(_city(c)) >= 6 and " " not in _city(c)]
    for c in rng.sample(pool, min(per_kind, len(pool))):
        wrong = _misspell(_city(c), rng)
        expected = {n for n in by_title[_norm(c.title)]
                    if next(d for d in cards if d.notice_id == n).duty_station == c.duty_station}
        out.append(Reference("misspelt place", f"What languages does the {c.title} in {wrong} need?", (),
                             frozenset(expected), c.notice_id))
    out += follow_ups(cards, per_kind, rng)
    return out


def follow_ups(cards: list[NoticeCard], per_kind: int, rng: random.Random) -> list[Reference]:
    """A question about one post, then "and the one in X?" where another post of the same
    title or organisation is in X."""
    groups = defaultdict(list)
    for c in cards:
        if c.title and _city(c):
            groups[_norm(c.title)].append(c)
        if _org(c) and _city(c):
            groups[_org(c)].append(c)
    pairs = []
    for members in groups.values():
        for a in members:
            for b in members:
                if _city(a).lower() != _city(b).lower():
                    pairs.append((a, b))
    out = []
    for a, b in rng.sample(pairs, min(per_kind, len(pairs))):
        fits = {c.notice_id for c in cards if _city(c) and _city(c).lower() == _city(b).lower()
                and (_norm(c.title) == _norm(b.title) if _norm(a.title) == _norm(b.title) else _org(c) == _org(b))}
        out.append(Reference("follow-up", f"And the one in {_city(b)}?",
                             (f"What languages does the {a.title or _org(a)} in {_city(a)} require?",),
                             frozenset(fits), b.notice_id))
    return out


def handwritten(cards: list[NoticeCard]) -> list[Reference]:
    out = []
    for question, history, words in HANDWRITTEN:
        fits = {c.notice_id for c in cards
                if all(w in " ".join(filter(None, (c.title, c.duty_station, c.organisation, c.source))).lower()
                       for w in words)}
        if fits:
            out.append(Reference("hand-written", question, tuple(history), frozenset(fits)))
        else:
            print(f"  (no notice fits hand-written reference {question!r}; left out)")
    return out


def from_file(path: Path, cards: list[NoticeCard]) -> list[Reference]:
    """References written in a JSON-lines file (`benchmarks/data/README.md`): each expected
    entry is a lower-case piece of one notice file's name; kind is kept as written."""
    import json

    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        expected = set()
        for piece in row["expected"]:
            fits = {c.notice_id for c in cards if piece in c.source.lower()}
            if len(fits) != 1:
                raise SystemExit(f"{path}:{n}: {piece!r} names {len(fits)} indexed notices, not one")
            expected |= fits
        out.append(Reference(row["kind"], row["question"], tuple(row.get("history", ())),
                             frozenset(expected)))
    return out


def outcome(res, expected: frozenset[str]) -> str:
    if res.how in ("mentioned", "history"):
        if res.notice_ids[0] in expected:
            return "correct" if len(expected) == 1 else "guessed"
        return "wrong"
    if res.how == "ambiguous":
        return "clarified" if expected & set(res.candidates[:3]) or (
            len(expected) > 3 and expected & set(res.candidates)) else "wrong"
    return "none"


def evaluate(resolver: Resolver, refs: list[Reference]):
    """(counts per kind, failures, latencies in ms, clarifications asked where one notice fits)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    failures, times, needless = [], [], 0
    for ref in refs:
        start = time.perf_counter()
        res = resolver.resolve(ref.question, ref.history)
        times.append((time.perf_counter() - start) * 1000)
        o = outcome(res, ref.expected)
        counts[ref.kind][o] += 1
        needless += o == "clarified" and len(ref.expected) == 1
        if o in ("wrong", "none", "guessed"):
            failures.append((ref, res, o))
        elif o == "clarified" and len(ref.expected) == 1:
            failures.append((ref, res, "asked"))
    return counts, failures, times, needless


# The calibration grid (`--calibrate`): the decision's margins and the weights that trade
# names against title coverage and likeness. Field weights stay as
# they are.
GRID = {"margin": (0.0, 0.02, 0.04, 0.06, 0.08, 0.12, 0.16, 0.2, 0.3),
        "aux_lead": (0.3, 0.6, 1.0, 1.5, 2.5, 1e9),
        "organisation": (1.0, 1.3, 1.6, 2.0, 2.5),
        "place": (1.0, 1.3, 1.6, 2.0, 2.5),
        "grade": (1.0, 1.4, 2.0, 2.5),
        "coverage": (0.0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2),
        "follow_up": (0.0, 0.2, 0.3, 0.5, 0.8, 1.2, 2.0)}


def _measure(resolver: Resolver, refs: list[Reference], tuning: Tuning) -> tuple:
    resolver.tuning = tuning               # in place: the memoised parts read it
    counts, _, _, needless = evaluate(resolver, refs)
    total = sum(counts.values(), Counter())
    n = sum(total.values())
    return (total["correct"] + total["clarified"]) / n, total["wrong"] / n, needless, total["correct"]


def _better(a: tuple, b: tuple) -> bool:
    """Is measure `a` better than `b`: at most 1 % wrong first (else fewer wrong), then more
    correct-or-clarified (0.5 points or more), then fewer clarifications where one notice
    fits, then more correct-or-clarified."""
    ok_a, ok_b = a[1] <= 0.01, b[1] <= 0.01
    if ok_a != ok_b:
        return ok_a
    if not ok_a and a[1] != b[1]:
        return a[1] < b[1]
    if abs(a[0] - b[0]) >= 0.005:
        return a[0] > b[0]
    return (a[2], -a[0], -a[3]) < (b[2], -b[0], -b[3])


def calibrate(resolver: Resolver, refs: list[Reference], sweeps: int = 3) -> Tuning:
    """Coordinate search over GRID on `refs` from the current tuning: each parameter in
    turn takes the grid value that measures best (`_better`), until a sweep changes
    nothing. Prints every step and, at the end, each parameter's row around the choice."""
    memoise(resolver)
    best = resolver.tuning
    score = _measure(resolver, refs, best)
    print(f"calibration on {len(refs)} references, start {_describe(best)}: {_fmt(score)}")
    for sweep in range(sweeps):
        changed = False
        for name, values in GRID.items():
            for v in values:
                candidate = replace(best, **{name: v})
                m = _measure(resolver, refs, candidate)
                if _better(m, score):
                    best, score, changed = candidate, m, True
            print(f"  sweep {sweep + 1}, {name}: {_describe(best)}: {_fmt(score)}")
        if not changed:
            break
    print("around the choice (ok / wrong / clarifications where one fits):")
    for name, values in GRID.items():
        cells = [_fmt(_measure(resolver, refs, replace(best, **{name: v})), short=True) for v in values]
        print(f"  {name:13}" + "  ".join(f"{v:g}: {c}" for v, c in zip(values, cells)))
    print(f"chosen: {_describe(best)}")
    resolver.tuning = best
    return best


def _describe(t: Tuning) -> str:
    return ", ".join(f"{k}={getattr(t, k):g}" for k in GRID)


def _fmt(m: tuple, short: bool = False) -> str:
    if short:
        return f"{m[0]:.3f}/{m[1]:.3f}/{m[2]}"
    return f"ok {m[0]:.3f}, wrong {m[1]:.3f}, clarifications where one fits {m[2]}, correct {m[3]}"


def memoise(resolver: Resolver) -> None:
    """Keep each question's score parts (per field weights) and each card's likeness."""
    parts, like, asked = {}, {}, {}
    compute_like, compute_asked = resolver.likeness, resolver.asked_likeness
    parts_of = type(resolver).parts

    def memo_parts(self, q):
        key = (q, self.tuning.organisation, self.tuning.place, self.tuning.grade, self.tuning.title, self.tuning.duties,
               self.tuning.grade_part)
        return parts[key] if key in parts else parts.setdefault(key, parts_of(self, q))

    resolver.parts = memo_parts.__get__(resolver)
    resolver.asked_likeness = lambda q: asked[q] if q in asked else asked.setdefault(q, compute_asked(q))
    resolver.likeness = lambda c: like[c.notice_id] if c.notice_id in like else like.setdefault(
        c.notice_id, compute_like(c))


class CachedEmbedder:
    """The embedding model with its vectors kept in `cache` (text → vector), so that
    repeated runs and the calibration embed each text once."""

    def __init__(self, cache: Path):
        from assistant.settings import Settings, set_environment
        from index.embed import SentenceEmbedder

        set_environment()
        settings = Settings(_env_file=None)
        self._model = SentenceEmbedder(settings.embedding_model, settings.embed_batch_size)
        self._path = cache / f"resolve-embeddings-{re.sub(r'[^A-Za-z0-9]+', '-', settings.embedding_model)}.pickle"
        self._known: dict[str, np.ndarray] = pickle.loads(self._path.read_bytes()) if self._path.exists() else {}
        self._added = False

    def many(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            for t, v in zip(missing, self._model.embed(missing)):
                self._known[t] = np.asarray(v, dtype=np.float32)
            self._added = True
        return np.asarray([self._known[t] for t in texts], dtype=np.float32)

    def one(self, text: str) -> np.ndarray:
        return self.many([text])[0]

    def save(self) -> None:
        if self._added:
            self._path.write_bytes(pickle.dumps(self._known))


def report(resolver: Resolver, refs: list[Reference], cards: list[NoticeCard], show: int) -> None:
    counts, failures, times, needless = evaluate(resolver, refs)
    cols = ("correct", "clarified", "guessed", "wrong", "none")
    print(f"{'kind':24}" + "".join(f"{c:>10}" for c in cols) + f"{'n':>6}")
    total = Counter()
    for kind, c in counts.items():
        total.update(c)
        print(f"{kind:24}" + "".join(f"{c[x]:>10}" for x in cols) + f"{sum(c.values()):>6}")
    n = sum(total.values())
    print(f"{'all':24}" + "".join(f"{total[x]:>10}" for x in cols) + f"{n:>6}")
    print(f"correct or correctly clarified {(total['correct'] + total['clarified']) / n:.3f}   "
          f"wrong {total['wrong'] / n:.3f}   guessed {total['guessed'] / n:.3f}   none {total['none'] / n:.3f}   "
          f"clarifications where one notice fits {needless}")
    times.sort()
    print(f"resolution latency p50 {times[len(times) // 2]:.1f} ms  p95 {times[int(len(times) * .95)]:.1f} ms")
    names = {c.notice_id: f"{c.title} ({c.duty_station})" for c in cards}
    failures.sort(key=lambda f: f[2] == "asked")       # misses first, then needless clarifications
    for ref, res, o in failures[:show]:
        got = [names[i] for i in (res.notice_ids or res.candidates)[:3]]
        want = [names[i] for i in list(ref.expected)[:2]]
        print(f"  {o:8} [{ref.kind}] {ref.question!r} {list(ref.history)} → {res.how} {got}; expected {want}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--per-kind", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--no-dense", action="store_true", help="resolve without the embedding model")
    parser.add_argument("--part", choices=(*PARTS, "all"), default="tune",
                        help="which references: the tuning part (default), the held-out part, or all")
    parser.add_argument("--calibrate", action="store_true",
                        help="search GRID on the tuning part, then report the chosen tuning on --part")
    parser.add_argument("--references", type=Path,
                        help="measure on the references of this JSON-lines file instead "
                             "(e.g. benchmarks/data/resolve_fresh.jsonl); --part is then ignored")
    parser.add_argument("--calibration-seeds", default="7,8,9",
                        help="the calibration uses the tuning part of the references of these seeds")
    args = parser.parse_args()
    t0 = time.perf_counter()
    notices = read_notices(args.dirs, args.cache)
    cards = [card_for(n) for n in notices]
    t1 = time.perf_counter()
    embedder = None if args.no_dense else CachedEmbedder(args.cache)
    vectors = embedder.many([c.text() for c in cards]) if embedder else None
    t2 = time.perf_counter()
    resolver = Resolver(cards, embedder.one if embedder else None, vectors)
    t3 = time.perf_counter()
    refs = generated(cards, args.per_kind, random.Random(args.seed)) + handwritten(cards)
    files = {c.notice_id: c.source for c in cards}
    print(f"notices {len(cards)}  references {len(refs)}  (parse+cards {t1 - t0:.1f} s, "
          f"card embeddings {t2 - t1:.1f} s, index {t3 - t2:.1f} s)")
    if args.calibrate:
        pool = {}
        for seed in map(int, args.calibration_seeds.split(",")):
            for r in generated(cards, args.per_kind, random.Random(seed)) + handwritten(cards):
                if part_of(r, files) == "tune":
                    pool.setdefault((r.question, r.history), r)
        resolver = resolver.tuned(calibrate(resolver, list(pool.values())))
    if args.references:
        refs = from_file(args.references, cards)
        print(f"{args.references}: {len(refs)} references")
    else:
        refs = [r for r in refs if args.part == "all" or part_of(r, files) == args.part]
        print(f"part {args.part}: {len(refs)} references")
    report(resolver, refs, cards, args.show)
    if embedder:
        embedder.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
