"""The web app's plain helpers: upload names and storage (ui/upload.py), the eligibility
form (ui/forms.py) and the login setting (ui/app.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import index_config
from assistant.profile import read_profile
from assistant.records import Profile
from index.errors import VacancyError
from ui.app import auth_pairs
from ui.forms import FIELDS, SCOPE_WORDS, form_profile, profile_sentences
from ui.upload import Outcome, ingest_uploads, precheck, safe_name, store

NOTICE = ("Job Title: Water and Sanitation Engineer\nOrganization: Example Relief Agency\n"
          "Duty Station: Juba, South Sudan\nGrade: P-3\n\nEducation\nA first-level university "
          "degree in civil engineering is required.\n\nLanguages\nFluency in English is required.\n")


# -- upload -----------------------------------------------------------------------------
@pytest.mark.parametrize("name, safe", [
    ("../../etc/passwd", "passwd"), ("..\\..\\win.txt", "win.txt"), ("/abs/dir/x.md", "x.md"),
    (".hidden.txt", "hidden.txt"), ("my notice (1).PDF", "my_notice_1.pdf"), ("..", "notice"),
    ("", "notice"), ("ünïcode.txt", "unicode.txt"), ("وظيفة.pdf", "notice.pdf"),
    ("a..b.txt", "a.b.txt"), ("con<>:|?*.docx", "con.docx"), ("a" * 200 + ".txt", "a" * 116 + ".txt"),
])
def test_safe_name(name, safe):
    assert safe_name(name) == safe


def test_precheck_reasons():
    assert precheck("a.txt", 10, 100) is None
    assert precheck("a.exe", 10, 100).startswith("unsupported file type '.exe'; use .docx, .htm")
    assert precheck("a", 10, 100).startswith("unsupported file type '(none)'")
    assert precheck("a.pdf", 0, 100) == "the file is empty"
    assert precheck("a.pdf", 3_000_000, 2_000_000) == "the file is 3.0 MB; the limit is 2 MB"


def test_store_never_overwrites_and_reuses_identical_files(tmp_path):
    up, folder = tmp_path / "up", tmp_path / "notices"
    (up / "a").mkdir(parents=True)
    (up / "b").mkdir()
    (up / "a" / "n.txt").write_text("first")
    (up / "b" / "n.txt").write_text("second")
    (up / "x.png").write_bytes(b"png")
    items = store([up / "a" / "n.txt", up / "b" / "n.txt", up / "a" / "n.txt", up / "x.png"], folder, 100)
    assert [(s.path.name, s.created) for s in items[:3]] == [("n.txt", True), ("n-2.txt", True),
                                                            ("n.txt", False)]
    assert items[3] == Outcome("x.png", "rejected", items[3].detail)
    assert sorted(p.name for p in folder.iterdir()) == ["n-2.txt", "n.txt"]
    assert (folder / "n-2.txt").read_text() == "second"


@pytest.mark.slow
def test_ingest_uploads_adds_notices_and_removes_rejected_copies(tmp_path, fake_embedder):
    from index.library import Library

    lib = Library(index_config(tmp_path / "index"), embedder=fake_embedder)
    up, folder = tmp_path / "up", tmp_path / "notices"
    up.mkdir()
    (up / "engineer.txt").write_text(NOTICE)
    (up / "twin.txt").write_text(NOTICE)
    (up / "tiny.txt").write_text("hi")
    (up / "photo.png").write_bytes(b"\x89PNG")
    outcomes = ingest_uploads(lib, [up / "engineer.txt", up / "tiny.txt", up / "photo.png",
                                    up / "twin.txt"], folder)
    assert [(o.name, o.status) for o in outcomes] == [("engineer.txt", "added"), ("tiny.txt", "rejected"),
                                                      ("photo.png", "rejected"), ("twin.txt", "rejected")]
    assert "same text as engineer.txt" in outcomes[3].detail
    assert sorted(p.name for p in folder.iterdir()) == ["engineer.txt"]
    assert [n.title for n in lib.notices()] == ["Water and Sanitation Engineer"]
    again = ingest_uploads(lib, [up / "engineer.txt"], folder)
    assert again == [Outcome("engineer.txt", "unchanged")]


# -- eligibility form -------------------------------------------------------------------
def _form(**values):
    blank = {name: None for name in FIELDS}
    blank.update(certifications=[], all_certifications=["SCP", "HIM", "PMP"], level_1="unspecified",
                 driving_licence="Not said", on_roster="Not said", young_professional="Not said",
                 worked_abroad="Not said")
    blank.update(values)
    return blank


def test_form_profile_blank_is_all_unknown():
    assert form_profile(_form()) == Profile()
    assert form_profile({}) == Profile()


def test_form_profile_reads_every_field():
    values = _form(degree_level="master", degree_field=" public  law ", years_experience="6,5",
                   years_international="2", years_command=" ", language_1="English", level_1="fluent",
                   language_2="French", level_2=None, certifications=["SCP"],
                   no_other_certifications=True, driving_licence="No", on_roster="Yes",
                   staff_status="internal", staff_grade="G-6", nationality="Kenya",
                   residence="Nairobi", young_professional="No", worked_abroad="Yes",
                   experience_grade="gs6")
    profile = form_profile(values)
    assert profile.said == (profile_sentences(profile),)
    assert replace(profile, said=()) == Profile(
        degree_level="master", degree_field="public law", years_experience=6.5,
        years_by_scope=(("international", 2.0),),
        languages=(("English", "fluent"), ("French", "unspecified")), certifications=("SCP",),
        certifications_lacking=("HIM", "PMP"), driving_licence=False, on_roster=True,
        staff_status="internal", staff_grade="G-6", nationality="Kenya", residence="Nairobi",
        young_professional=False, worked_abroad=True, experience_grade="G-6", languages_listed=True)


@pytest.mark.parametrize("years", ["six", "-1", "nan", "200"])
def test_form_profile_refuses_what_is_not_a_number_of_years(years):
    with pytest.raises(ValueError):
        form_profile(_form(years_experience=years))


@pytest.mark.parametrize("profile", [
    Profile(degree_level="master", degree_field="economics", years_experience=6,
            experience_domain="security management", years_by_scope=(("field", 2.0), ("international", 3.0)),
            languages=(("English", "fluent"), ("French", "working knowledge")),
            certifications=("SCP", "SSAFE"), certifications_lacking=("CPOC", "HIM"), driving_licence=True,
            on_roster=False, staff_status="internal", staff_grade="G-6", nationality="Kenya",
            residence="Nairobi", young_professional=True),
    Profile(degree_level="bachelor", years_experience=2.5, staff_status="external",
            languages=(("Arabic", "native"), ("Chinese", "unspecified"), ("Spanish", "basic")),
            driving_licence=False, on_roster=True, young_professional=False),
    Profile(degree_level="none"), Profile(degree_level="secondary"), Profile(degree_level="post_secondary"),
    Profile(degree_level="doctorate", degree_field="law"), Profile(degree_level="college"),
    Profile(staff_status="temporary", staff_grade="P-3", years_experience=10,
            years_by_scope=(("un_system", 4.0),)),
    Profile(years_experience=5, experience_grade="G-5", worked_abroad=False),
    Profile(worked_abroad=True, years_experience=20,
            years_by_scope=tuple((scope, 1.0) for scope in sorted(SCOPE_WORDS))),
])
def test_profile_sentences_read_back_into_the_same_profile(profile):
    """"Send to chat" relies on the chat reading the sentences as the form's profile."""
    assert read_profile([profile_sentences(profile)]).known() == profile.known()


def test_profile_sentences_wording():
    assert profile_sentences(Profile(degree_level="master", degree_field="law", years_experience=6,
                                     languages=(("French", "fluent"), ("English", "unspecified")))) == (
        "I have a master's degree in law. I have 6 years of experience. I speak English and "
        "French (fluent).")
    assert profile_sentences(Profile()) == ""


# -- login ------------------------------------------------------------------------------
def test_auth_pairs():
    assert auth_pairs(None) is None
    assert auth_pairs("  ") is None
    assert auth_pairs("ann:pw, bob:p:w:2") == [("ann", "pw"), ("bob", "p:w:2")]
    with pytest.raises(VacancyError, match="'bob' is not"):
        auth_pairs("ann:pw,bob")
    with pytest.raises(VacancyError):
        auth_pairs("ann:")


def test_the_index_and_uploads_live_in_the_data_folder_not_the_working_directory(tmp_path, monkeypatch):
    from assistant.settings import Settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VACANCY_INDEX_DIR", raising=False)
    monkeypatch.delenv("VACANCY_UPLOADS_DIR", raising=False)
    monkeypatch.setenv("VACANCY_DATA_DIR", str(tmp_path / "data"))
    s = Settings(_env_file=None)
    assert (s.index_dir, s.uploads_dir) == (tmp_path / "data" / "index", tmp_path / "data" / "uploads")
    monkeypatch.delenv("VACANCY_DATA_DIR")
    default = Settings(_env_file=None)
    assert not default.index_dir.is_relative_to(tmp_path) and default.index_dir.is_absolute()
    assert default.uploads_dir.parent == default.index_dir.parent


def test_gradio_copies_of_uploads_are_removed_and_other_files_kept(tmp_path):
    from ui.handlers import _forget

    cache = tmp_path / "gradio"
    (cache / "abc").mkdir(parents=True)
    copy, own = cache / "abc" / "notice.txt", tmp_path / "mine.txt"
    copy.write_text("x")
    own.write_text("y")
    _forget([copy, own], cache)
    assert not (cache / "abc").exists() and own.read_text() == "y"
