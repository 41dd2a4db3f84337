"""The registry names one reader module per requirement kind, and every reader module is
some kind's: a kind cannot be typed in a module nobody can find from its entry."""

from __future__ import annotations

import importlib
import pkgutil

import index.readers
from index import kinds
from index.derived import parser_hash


def test_every_kind_names_an_existing_reader_with_read():
    named = {k.name: k.reader for k in kinds.KINDS}
    assert named == {"education": "education", "experience": "experience", "language": "language",
                     "certification": "conditions", "licence": "conditions", "travel": "conditions",
                     "medical": "conditions", "eligibility_rule": "rules", "other": None}
    for reader in set(named.values()) - {None}:
        assert callable(importlib.import_module(f"index.readers.{reader}").read)


def test_every_reader_module_is_named_by_a_kind():
    modules = {m.name for m in pkgutil.iter_modules(index.readers.__path__)}
    assert modules - {"text"} == {k.reader for k in kinds.KINDS if k.reader}


def test_a_reader_module_counts_in_the_parser_hash(tmp_path, monkeypatch):
    """A changed reader file re-derives stored requirements: the hash covers the package."""
    import index.derived as derived

    before = parser_hash()
    fake = tmp_path / "readers"
    fake.mkdir()
    for m in pkgutil.iter_modules(index.readers.__path__):
        src = importlib.util.find_spec(f"index.readers.{m.name}").origin
        (fake / f"{m.name}.py").write_text(open(src).read())
    (fake / "__init__.py").write_text(open(index.readers.__file__).read())
    (fake / "education.py").write_text((fake / "education.py").read_text() + "\n# changed\n")

    class Spec:
        origin = str(fake / "__init__.py")

    real = importlib.util.find_spec
    monkeypatch.setattr(derived.importlib.util, "find_spec",
                        lambda name: Spec() if name == "index.readers" else real(name))
    parser_hash.cache_clear()
    try:
        assert parser_hash() != before
    finally:
        monkeypatch.undo()
        parser_hash.cache_clear()
    assert parser_hash() == before
