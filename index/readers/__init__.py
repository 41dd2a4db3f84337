"""One reader per requirement kind, each in its own module.

`requirements.py` decides whether a statement states requirements at all and in which
order the readers run; each module here types what one kind looks like:
`education`, `experience`, `language`, `conditions` (certification, licence, travel,
medical), `rules` (who may apply); `text` holds what they share. The kinds' labels,
question words, detection patterns and checks are entries of `index/kinds.py`.
"""
