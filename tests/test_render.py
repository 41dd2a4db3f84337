"""ui/render.py: exact HTML for known records, and hostile notice text shown as text."""

from __future__ import annotations

from datetime import date

from assistant.eligibility import Verdict
from assistant.records import Answer, Check, Citation, Line, Profile
from index.records import Metadata, Notice, Requirement
from index.requirements import Deadline
from ui import render

HOSTILE = ('Title <script>window.__x=1</script>\nBody <img src=x onerror="window.__x=2"> '
           "${window.__x=3} {{constructor}} `tick`")


def _notice(text: str = "Job Title: Officer\nEducation\nA master's degree is required.\n",
            title: str | None = "Officer", **meta) -> Notice:
    return Notice("n1", "n1.txt", text, (), Metadata(title=title, **meta))


def _citation(n: int, section: str = "Education", start: int = 0, end: int = 4) -> Citation:
    return Citation(n, "n1", "Officer <b>", "n1.txt", section, start, end, "quote")


# -- escaping and highlighting ----------------------------------------------------------
def test_esc_escapes_markup_quotes_and_template_characters():
    assert render.esc('<a href="x">it\'s</a> ${a} {{b}} `c` &') == (
        "&lt;a href=&quot;x&quot;&gt;it&#x27;s&lt;/a&gt; &#36;&#123;a&#125; "
        "&#123;&#123;b&#125;&#125; &#96;c&#96; &amp;")


def test_highlight_marks_exactly_the_span():
    assert render.highlight("ab<c>de", 2, 5) == \
        'ab<mark class="va-cite" id="va-cite-mark">&lt;c&gt;</mark>de'


def test_highlight_clips_offsets_and_marks_nothing_for_an_empty_span():
    assert render.highlight("abc", 1, 99) == 'a<mark class="va-cite" id="va-cite-mark">bc</mark>'
    assert render.highlight("abc", 2, 2) == "abc"
    assert render.highlight("abc", -5, 1) == '<mark class="va-cite" id="va-cite-mark">a</mark>bc'


def test_source_html_shows_hostile_text_as_text():
    start = HOSTILE.index("<img")
    end = HOSTILE.index("> ") + 1
    out = render.source_html(_notice(HOSTILE, title="<b>T</b>"), _citation(1, "Body", start, end))
    assert "<script" not in out and "<img" not in out and "<b>T" not in out
    assert "&lt;script&gt;window.__x=1&lt;/script&gt;" in out
    assert ('<mark class="va-cite" id="va-cite-mark">&lt;img src=x onerror=&quot;window.__x=2&quot;'
            "&gt;</mark>") in out
    assert "&#36;&#123;window.__x=3&#125;" in out
    assert out.startswith('<div class="va-source"><div class="va-source-head"><span class="cite-chip '
                          'va-static">1</span> <strong>&lt;b&gt;T&lt;/b&gt;</strong> · section '
                          "<em>Body</em> · <code>n1.txt</code> · characters ")


def test_notice_text_and_card_escape_hostile_text():
    notice = _notice(HOSTILE, title="<script>t</script>", organisation='<img src=x onerror="y">')
    req = Requirement("n1", "other", "required", 0, len(HOSTILE), HOSTILE)
    for out in (render.notice_text_html(notice), render.card_html(notice, [req], date(2024, 1, 1))):
        assert "<script" not in out and "<img" not in out and "${" not in out


# -- answers ----------------------------------------------------------------------------
def _chip(turn: int, n: int, section: str = "Education") -> str:
    return (f'<button type="button" class="cite-chip" value="{turn}:{n}" title="Source {n}: {section} — '
            f'Officer &lt;b&gt;">{n}</button>')


def test_answer_html_turns_markers_into_chips_when_the_answer_has_no_lines():
    answer = Answer("q", "Required: a master's & 5 years. [1] English. [2] See [3].",
                    (_citation(1), _citation(2, "Languages")), ("n1",))
    assert render.answer_html(answer, 3) == (
        '<div class="va-answer"><p>Required: a master&#x27;s &amp; 5 years. '
        f'{_chip(3, 1)} English. {_chip(3, 2, "Languages")} See [3].</p></div>')


def test_answer_html_renders_headline_checks_and_folded_details_from_lines():
    lines = (Line("Not yet — licence: you said you do not hold a driving licence.", (1,), "headline",
                  verdict="not_eligible"),
             Line("Education: a master's — your master's meets it.", (1,), "check", "met"),
             Line("Driving licence — you said you do not hold one.", (2,), "check", "not_met"),
             Line("Knowledge of Excel.", (2,), "also"),
             Line("French (fluent).", (), "desirable"),
             Line("I understood: a master's.", (), "note"))
    answer = Answer("q", "ignored by the renderer", (_citation(1), _citation(2)), ("n1",),
                    verdict="not_eligible", lines=lines)
    assert render.answer_html(answer, 0) == (
        '<div class="va-answer"><p class="va-headline"><span class="va-verdict va-not_eligible">Not eligible'
        f'</span> Not yet — licence: you said you do not hold a driving licence. {_chip(0, 1)}</p>'
        '<ul class="va-checks"><li class="va-check va-met"><span class="va-mark" aria-label="met">✓</span> '
        f"Education: a master&#x27;s — your master&#x27;s meets it. {_chip(0, 1)}</li>"
        '<li class="va-check va-not_met"><span class="va-mark" aria-label="not met">✗</span> '
        f"Driving licence — you said you do not hold one. {_chip(0, 2)}</li></ul>"
        '<details class="va-fold va-also"><summary>Also asked for — does not decide eligibility (1)</summary>'
        f"<ul><li>Knowledge of Excel. {_chip(0, 2)}</li></ul></details>"
        '<details class="va-fold va-desirable"><summary>Desirable — not required (1)</summary>'
        "<ul><li>French (fluent).</li></ul></details>"
        '<p class="va-note">I understood: a master&#x27;s.</p></div>')
    assert render.answer_html(answer, 0, upto=1) == (
        '<div class="va-answer va-partial"><p class="va-headline"><span class="va-verdict va-not_eligible">'
        f'Not eligible</span> Not yet — licence: you said you do not hold a driving licence. {_chip(0, 1)}'
        "</p></div>")
    assert render.stream_steps(answer) == [1, 2, 3, 4, 5, 6]


def test_answer_html_puts_rows_of_a_cross_notice_answer_in_a_table():
    lines = (Line("Of 2 notices, you meet the minimum requirements of 1.", (), "headline"),
             Line("Officer (Laayoune): Yes — you meet it.", (1,), "row", verdict="eligible"),
             Line("Driver (Aden): Not sure yet — tell me your age.", (), "row", verdict="insufficient_info"))
    out = render.answer_html(Answer("q", "t", (_citation(1),), ("n1", "n2"), lines=lines), 2)
    assert out == (
        '<div class="va-answer"><p class="va-headline">Of 2 notices, you meet the minimum requirements of 1.</p>'
        '<table class="va-rows"><thead><tr><th>Verdict</th><th>Notice — why</th></tr></thead><tbody>'
        '<tr><td><span class="va-verdict va-eligible">Eligible</span> </td>'
        f"<td>Officer (Laayoune): Yes — you meet it. {_chip(2, 1)}</td></tr>"
        '<tr><td><span class="va-verdict va-insufficient_info">Not enough information</span> </td>'
        "<td>Driver (Aden): Not sure yet — tell me your age.</td></tr></tbody></table></div>")


def test_answer_html_folds_further_sentences_of_a_fact_answer():
    lines = (Line("Salary: USD 5,000.", (1,), "body"), Line("Allowances apply.", (2,), "more"))
    assert render.answer_html(Answer("q", "t", (_citation(1), _citation(2)), ("n1",), lines=lines), 0) == (
        f'<div class="va-answer"><p>Salary: USD 5,000. {_chip(0, 1)}</p><details class="va-fold va-more">'
        f"<summary>More from the notice (1)</summary><ul><li>Allowances apply. {_chip(0, 2)}</li></ul>"
        "</details></div>")


def test_answer_html_folds_checks_beyond_eight():
    lines = tuple(Line(f"Check {i}.", (), "check", "met") for i in range(10))
    out = render.answer_html(Answer("q", "t", lines=lines), 0)
    assert out.count("<li") == 10 and "<details><summary>2 more checks</summary>" in out
    assert out.index("Check 7.") < out.index("2 more checks") < out.index("Check 8.")


def test_first_screen_counts_open_notices_and_explains_the_closed_samples():
    notices = [_notice(title="A", closes=date(2022, 6, 21)), _notice(title="B", closes=date(2023, 12, 9))]
    assert render.first_screen(notices, date(2026, 12, 1)) == (
        "**2 notices indexed, 0 open.** All closed — notices from 2022–2023, kept as samples to try "
        "questions on (they cannot be applied for any more). Ask about requirements, deadlines or "
        "whether your profile fits — or pick an example:")
    mixed = notices + [_notice(title="C", closes=date(2027, 1, 5)), _notice(title="D")]
    assert render.first_screen(mixed, date(2026, 12, 1)) == (
        "**4 notices indexed, 1 open.** 2 closed — notices from 2022–2023, kept as samples to try "
        "questions on. 1 states no closing date. Ask about requirements, deadlines or whether your "
        "profile fits — or pick an example:")


def test_talking_about_names_the_focus_and_the_profile():
    n = _notice(title="Officer <x>", grade="P-3", duty_station="Laayoune")
    profile = Profile(degree_level="master", degree_field="law", years_experience=6,
                      languages=(("English", "fluent"), ("French", "unspecified")), driving_licence=False)
    assert render.talking_about([n], profile, focused=True) == (
        '<div class="va-talking">Talking about: Officer &lt;x&gt;, P-3, Laayoune <em>(chosen in '
        "Notices)</em> <span class=\"va-you\">· You: master&#x27;s in law · 6 years · English fluent · "
        "French (level not said) · no driving licence</span></div>")
    assert render.talking_about([n, n], Profile()) == \
        '<div class="va-talking">Talking about: 2 notices</div>'


# -- notices ----------------------------------------------------------------------------
def test_closing_text_for_each_deadline_status():
    d = date(2024, 5, 1)
    assert render.closing_text(Deadline("not stated")) == "not stated"
    assert render.closing_text(Deadline("closed", d)) == "2024-05-01 (closed)"
    assert render.closing_text(Deadline("open", d, 0)) == "2024-05-01 (closes today)"
    assert render.closing_text(Deadline("open", d, 1)) == "2024-05-01 (closes in 1 day)"
    assert render.closing_text(Deadline("open", d, 12)) == "2024-05-01 (closes in 12 days)"


def test_notice_rows():
    n = _notice(title=None, grade="P-3", closes=date(2024, 5, 13))
    assert render.notice_rows([n], date(2024, 5, 1)) == [
        ["n1", "—", "P-3", "—", "2024-05-13 (closes in 12 days)", "n1.txt"]]


def test_notices_table_is_plain_html_with_a_title_button_per_row():
    n = _notice(title="Officer <b>", grade="P-3", closes=date(2024, 5, 13))
    out = render.notices_table_html([n], date(2024, 5, 1))
    assert out == (
        '<div class="va-notices-wrap"><table class="va-notices"><caption>Indexed notices — choose one to '
        'restrict the chat to it</caption><thead><tr><th scope="col">Title</th><th scope="col">Organisation'
        '</th><th scope="col">Grade</th><th scope="col">Duty station</th><th scope="col">Closes</th>'
        '<th scope="col">File</th></tr></thead><tbody><tr><td><button type="button" class="va-pick" '
        'value="n1" data-row="0">Officer &lt;b&gt;</button></td><td>—</td><td>P-3</td><td>—</td>'
        '<td>2024-05-13 (closes in 12 days)</td><td>n1.txt</td></tr></tbody></table></div>')
    assert render.notices_table_html([], date(2024, 5, 1)) == (
        '<p class="va-empty">No notices are indexed yet: add some with the upload box.</p>')


def test_card_groups_requirements_with_their_quotes():
    text = "Fluency in English is required."
    req = Requirement("n1", "language", "required", 0, len(text), text, languages=("English",),
                      proficiency="fluent")
    out = render.card_html(_notice(text), [req], date(2024, 1, 1))
    assert ('<h4>Languages</h4><ul class="va-reqs"><li><span class="va-tag va-required">Required'
            '</span> English (fluent)<details class="va-quote-fold"><summary>Quote</summary>'
            '<blockquote class="va-quote">Fluency in English is required.</blockquote></details></li></ul>') in out


# -- eligibility and comparison ---------------------------------------------------------
def test_checklist_marks_each_check_with_its_quote():
    lic = Requirement("n1", "licence", "required", 0, 9, "A licence")
    checks = (Check("Driving licence", "not_met", "You said you do not hold one.", "required", lic),
              Check("Language: English", "met", "Your level meets it.", "required", None),
              Check("Travel", "unknown", "A condition.", "condition", None))
    out = render.checklist_html(_notice(title="O", grade="P-3"),
                                Verdict("not_eligible", checks, (), ("Driving licence",)))
    assert out == (
        '<div class="va-checklist"><h3>O, P-3</h3><p class="va-verdict va-not_eligible">Not eligible</p>'
        '<ul class="va-checks"><li class="va-check va-not_met"><span class="va-mark" aria-label="not met">✗</span> '
        "<strong>Driving licence</strong> — You said you do not hold one."
        '<details class="va-quote-fold"><summary>Quote</summary><blockquote class="va-quote">A licence'
        "</blockquote></details></li>"
        '<li class="va-check va-met"><span class="va-mark" aria-label="met">✓</span> <strong>Language: English'
        "</strong> — Your level meets it.</li></ul><details><summary>1 more item(s) that do not "
        'decide eligibility</summary><ul class="va-checks"><li class="va-check va-unknown">'
        '<span class="va-mark" aria-label="not known yet">?</span> <strong>Travel</strong> — A condition.</li>'
        "</ul></details></div>")


def test_checklist_words_desirable_items_from_the_requirement_not_a_label():
    text = "Language: | French | UN Level II | UN Level II |"
    fr = Requirement("n1", "language", "desirable", 0, len(text), text)
    checks = (Check("Language: | French | UN Level II |", "unknown", "Desirable, not required.", "desirable", fr),)
    out = render.checklist_html(_notice(title="O"), Verdict("insufficient_info", checks, (), ()))
    assert "<strong>Language: French, UN Level II</strong>" in out and "| French" not in out.split("<blockquote")[0]


def test_compare_row_cells_carry_their_quotes():
    text = "Grade: P-3\nDuty Station: Juba\nFluency in English is required."
    n = Notice("n1", "n1.txt", text, (), Metadata(title="Engineer", grade="P-3", duty_station="Juba",
                                                  spans=(("grade", 7, 10), ("duty_station", 25, 29))))
    eng = Requirement("n1", "language", "required", 30, 61, text[30:61], languages=("English",))
    edu = Requirement("n1", "education", "required", 0, 5, "Grade")
    checks = (Check("Education: a bachelor's", "unknown", "", "required", edu, topic="education"),
              Check("Experience: at least 5 years of experience", "unknown", "", "required", None,
                    topic="experience"))
    row = render.compare_row(n, [eng, eng], checks, date(2024, 1, 1))
    assert row[0] == "<strong>Engineer</strong>"
    assert row[1] == ('<details class="va-cell" title="Grade: P-3"><summary>P-3</summary>'
                      '<blockquote class="va-quote">Grade: P-3</blockquote></details>')
    assert row[3] == '<span class="va-none">not stated</span>'
    assert row[4].startswith('<details class="va-cell" title="Grade"><summary>A bachelor&#x27;s</summary>')
    assert row[5] == '<div class="va-cell">At least 5 years of experience</div>'
    assert row[6].count("<details") == 1 and "Fluency in English is required." in row[6]


def test_line_around_cuts_long_lines_around_the_span():
    assert render.line_around("a\nGrade: P-3 here\nb", 9, 12) == "Grade: P-3 here"
    assert render.line_around("x" * 300, 150, 152, limit=10) == "x" * 10


def test_upload_report():
    assert render.upload_report_html([("a.txt", "added", ""), ("<b>.png", "rejected", "bad <type>")]) == (
        '<ul class="va-uploads"><li class="va-upload va-added"><span class="va-mark">✓</span> '
        "<code>a.txt</code> — added</li><li class=\"va-upload va-rejected\"><span class=\"va-mark\">✗"
        "</span> <code>&lt;b&gt;.png</code> — rejected: bad &lt;type&gt;</li></ul>")
    assert render.upload_report_html([]) == ""


def test_card_shows_a_reading_stated_twice_once_with_both_quotes():
    text = "Fluency in English is required.\nLanguage: | English | Fluent |"
    a = Requirement("n1", "language", "required", 0, 31, text[:31], languages=("English",), proficiency="fluent")
    b = Requirement("n1", "language", "required", 32, len(text), text[32:], languages=("English",),
                    proficiency="fluent")
    out = render.card_html(_notice(text), [a, b], date(2024, 1, 1))
    assert out.count("<li>") == 1
    assert ('English (fluent)<details class="va-quote-fold"><summary>Quotes (2)</summary>'
            '<blockquote class="va-quote">Fluency in English is required.</blockquote>'
            '<blockquote class="va-quote">Language: | English | Fluent |</blockquote></details>') in out


def test_cli_answer_text_indents_the_folded_lines_under_their_heading():
    from ui.cli import answer_text

    lines = (Line("Salary: USD 5,000.", (1,), "body"), Line("Allowances apply.", (2,), "more"),
             Line("French (fluent).", (), "desirable"))
    assert answer_text(Answer("q", "t", lines=lines)) == (
        "Salary: USD 5,000. [1]\n\nDesirable (not required):\n    – French (fluent).\n\n"
        "More from the notice:\n    – Allowances apply. [2]")
