"""The eligibility form of the web app: its values → `Profile`, and a `Profile` → the
first-person sentences the chat reads back into the same profile ("send to chat").

Form values arrive as a mapping of `FIELDS` names to what Gradio gives (strings, numbers,
None, lists); blank means "not said". The profile's `said` is its own sentences, so
experience the notice describes only in words is matched against what the form states.
Left out: experience scopes without a total (the sentence would read as the total), and
free-text degree levels (the form offers a list).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping

from assistant.records import Profile

# experience scope → how the sentences for "send to chat" name it
SCOPE_WORDS = {"international": "international experience", "field": "field experience",
               "un_system": "experience in the UN system", "mission": "experience in peacekeeping missions",
               "conflict": "experience in conflict areas", "humanitarian": "humanitarian experience",
               "command": "command experience", "supervisory": "supervisory experience"}
FIELDS = ("degree_level", "degree_field", "years_experience", "experience_domain",
          *(f"years_{scope}" for scope in SCOPE_WORDS), "experience_grade", "worked_abroad",
          "language_1", "level_1", "language_2", "level_2", "language_3", "level_3",
          "certifications", "no_other_certifications", "all_certifications",
          "driving_licence", "on_roster", "staff_status", "staff_grade",
          "nationality", "residence", "young_professional")
DEGREE_CHOICES = [("Not said", ""), ("No degree", "none"), ("Secondary school", "secondary"),
                  ("Post-secondary diploma", "post_secondary"), ("Bachelor's", "bachelor"),
                  ("Master's", "master"), ("Doctorate", "doctorate"), ("War/staff college", "college")]
LEVEL_CHOICES = [("Level not said", "unspecified"), ("Basic", "basic"), ("Knowledge", "knowledge"),
                 ("Working knowledge", "working knowledge"), ("Proficient", "proficient"),
                 ("Fluent", "fluent"), ("Native", "native")]
YES_NO = ["Not said", "Yes", "No"]
STAFF_CHOICES = [("Not said", ""), ("External candidate", "external"),
                 ("UN staff member", "internal"), ("Staff on a temporary appointment", "temporary")]
_DEGREE_WORDS = {"secondary": "a secondary school diploma", "post_secondary": "a post-secondary diploma",
                 "bachelor": "a bachelor's degree", "master": "a master's degree",
                 "doctorate": "a doctorate", "college": "a staff college qualification"}
_STAFF_WORDS = {"external": "I am an external candidate", "internal": "I am a UN staff member",
                "temporary": "I am a UN staff member on a temporary appointment"}


def _text(value) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _number(value) -> float | None:
    """A number of years; blank is None. Raises ValueError for anything else."""
    text = str(value).strip().replace(",", ".") if value is not None else ""
    if not text:
        return None
    number = float(text)
    if not 0 <= number <= 80:
        raise ValueError(f"{value} is not a number of years")
    return number


def _yes_no(value) -> bool | None:
    return {"Yes": True, "No": False}.get(value)


def form_profile(values: Mapping[str, object]) -> Profile:
    """The profile the form states; unknown keys are ignored, missing ones are "not said"."""
    v = {name: values.get(name) for name in FIELDS}
    langs = {}
    for i in (1, 2, 3):
        lang = _text(v[f"language_{i}"])
        if lang:
            langs[lang] = v[f"level_{i}"] or "unspecified"
    held = tuple(v["certifications"] or ())
    lacking = tuple(c for c in v["all_certifications"] or () if c not in held) \
        if v["no_other_certifications"] else ()
    scoped = tuple((scope, _number(v[f"years_{scope}"])) for scope in SCOPE_WORDS
                   if _number(v[f"years_{scope}"]) is not None)
    profile = Profile(
        degree_level=_text(v["degree_level"]), degree_field=_text(v["degree_field"]),
        years_experience=_number(v["years_experience"]),
        experience_domain=_text(v["experience_domain"]), years_by_scope=tuple(sorted(scoped)),
        languages=tuple(sorted(langs.items())), languages_listed=True if langs else None,
        certifications=held, certifications_lacking=lacking,
        driving_licence=_yes_no(v["driving_licence"]), on_roster=_yes_no(v["on_roster"]),
        staff_status=_text(v["staff_status"]), staff_grade=_text(v["staff_grade"]),
        nationality=_text(v["nationality"]), residence=_text(v["residence"]),
        young_professional=_yes_no(v["young_professional"]), worked_abroad=_yes_no(v["worked_abroad"]),
        experience_grade=_grade(v["experience_grade"]),
    )
    said = profile_sentences(profile)
    return replace(profile, said=(said,) if said else ())


def _grade(value) -> str | None:
    """`G6`, `gs-6`, `G-6` → `G-6`; other grades as written."""
    text = _text(value)
    m = re.fullmatch(r"(?i)gs?[- ]?([1-7])", text or "")
    return f"G-{m.group(1)}" if m else text


def _plain_number(x: float) -> str:
    return f"{x:g}"


def profile_sentences(p: Profile) -> str:
    """First-person sentences stating `p`, one fact family each, in words
    `assistant.profile.read_profile` reads back."""
    out = []
    if p.degree_level == "none":
        out.append("I do not have a university degree.")
    elif p.degree_level:
        field = f" in {p.degree_field}" if p.degree_field else ""
        out.append(f"I have {_DEGREE_WORDS.get(p.degree_level, p.degree_level)}{field}.")
    if p.years_experience is not None:
        domain = f" in {p.experience_domain}" if p.experience_domain else ""
        out.append(f"I have {_plain_number(p.years_experience)} years of experience{domain}.")
        out += [f"I have {_plain_number(y)} years of {_scope_words(s)}." for s, y in p.years_by_scope]
    if p.experience_grade:
        out.append(f"My experience was gained as {p.experience_grade} staff.")
    if p.worked_abroad is not None:
        out.append("I have worked outside my own country." if p.worked_abroad
                   else "I have never worked outside my own country.")
    if p.languages:
        # languages without a level first: the reader gives a bare language the level
        # written just before it
        ordered = sorted(p.languages, key=lambda ll: ll[1] != "unspecified")
        spoken = [lang if level == "unspecified" else f"{lang} ({level})" for lang, level in ordered]
        out.append("I speak " + _join(spoken) + ".")
    if p.certifications:
        out.append("I hold " + _join(list(p.certifications)) + ".")
    if p.certifications_lacking:
        out.append("I do not hold " + " or ".join(p.certifications_lacking) + ".")
    if p.driving_licence is not None:
        out.append("I have a driving licence." if p.driving_licence else "I do not have a driving licence.")
    if p.on_roster is not None:
        out.append("I am on a roster." if p.on_roster else "I am not on a roster.")
    if p.staff_status:
        grade = f" at grade {p.staff_grade}" if p.staff_grade and p.staff_status != "external" else ""
        out.append(_STAFF_WORDS.get(p.staff_status, f"I am a {p.staff_status} candidate") + grade + ".")
    if p.nationality:
        out.append(f"I am a national of {p.nationality}.")
    if p.residence:
        out.append(f"I live in {p.residence}.")
    if p.young_professional is not None:
        out.append("I joined through the Young Professionals Programme." if p.young_professional
                   else "I am not in the Young Professionals Programme.")
    return " ".join(out)


def _scope_words(scope: str) -> str:
    return SCOPE_WORDS.get(scope, scope.replace("_", " ") + " experience")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
