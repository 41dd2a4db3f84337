"""Does a question read as English? The routes, vocabularies and answers are English, so a
question in another language would be read word by word into a garbled "the notice does
not say" (a French question got "The notice does not say anything about langues poste
pour quelles requises sont"); such a question gets one line saying so instead.

Detection is lingua's (`lingua-language-detector`, offline, made for short texts), over
the question with the words of the indexed notices' titles, places and organisations left
out, so that an English question naming "the Chargé de programme in Dakar" stays English
and a French question naming an English title stays French. A question is refused only
when another language is clearly ahead (confidence at least `MIN_FOREIGN`) and English
clearly behind (at most `MAX_ENGLISH`), or when it is written mostly in a script English
does not use; fewer than `MIN_LETTERS` letters (a name, "boss?") are never refused. A
question whose words are at least a quarter English function words, two of them different
("Which languages does the post require?"), is English without asking lingua, whose models
take about two seconds to load. Those function words are never left out as names (over
1,441 notices the names hold "the", "of", "for", "to" …, which sent plain English
questions to lingua).
Left out: answering in other languages, or translating the question.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import AbstractSet

NOT_ENGLISH = ("I can answer questions in English only, and this one does not read as "
               "English; please ask it in English, e.g. “Which languages are required for "
               "this post?”")
MIN_LETTERS = 10
MIN_FOREIGN = 0.7
MAX_ENGLISH = 0.1
_WORD = re.compile(r"[^\W\d_]+")
# Languages compared with English: the six UN languages and the others notices' readers
# most often write in. (Each is a model loaded on first use.)
# Words only English questions are made of so often (none of them a common word of the
# languages below: not "a", "in", "de", "do", "die", "is" alone decides nothing).
_ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "what", "which", "when", "where", "who", "how", "does", "are", "can", "could", "my", "i",
    "you", "your", "of", "to", "and", "this", "that", "with", "have", "has", "will", "would", "should",
    "am", "there", "is", "for", "any", "need", "apply", "about", "it"})
_LANGUAGES = ("FRENCH", "SPANISH", "PORTUGUESE", "GERMAN", "ITALIAN", "DUTCH", "RUSSIAN",
              "ARABIC", "CHINESE", "JAPANESE", "KOREAN", "TURKISH")


def reads_as_english(question: str, names: AbstractSet[str] = frozenset()) -> bool:
    """False when `question` is clearly in another language (see the module docstring);
    `names` are lower-case words to leave out (the notices' own names)."""
    words = [w for w in _WORD.findall(question)
             if w.lower() not in names or w.lower() in _ENGLISH_FUNCTION_WORDS]
    letters = "".join(words)
    if len(letters) < MIN_LETTERS:
        return True
    if sum(not _latin(ch) for ch in letters) > len(letters) / 2:
        return False
    function = [w for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS]
    if len({w.lower() for w in function}) >= 2 and len(function) >= len(words) / 4:
        return True
    detector, english = _detector()
    values = detector.compute_language_confidence_values(" ".join(words))
    top = values[0]
    english_value = next(v.value for v in values if v.language == english)
    return not (top.language != english and top.value >= MIN_FOREIGN
                and english_value <= MAX_ENGLISH)


def _latin(ch: str) -> bool:
    return "LATIN" in unicodedata.name(ch, "")


@lru_cache(maxsize=1)
def _detector():
    """Built on first use (the models load then, about a second)."""
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.ENGLISH, *(getattr(Language, name) for name in _LANGUAGES)]
    return LanguageDetectorBuilder.from_languages(*languages).build(), Language.ENGLISH
