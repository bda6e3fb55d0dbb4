"""The shapes an identifying number is written in, as regular-expression text.

Shared by the recognizers (a number after its cue) and by the layout's header fields (a
field's whole value), so that neither imports the other.
"""
from __future__ import annotations

import re

CODE = r"(?=[A-Z0-9/\-.]*\d)[A-Z0-9][A-Z0-9/\-.]{2,}[A-Z0-9]"   # letters, digits, slashes; a digit in it
# a code of letters, a space, digits in groups: "no. HAL 142", "number RTW 4418203", "VAT no. GB 219 4471 08"
SPACED_CODE = r"[A-Z]{2,5}[ \t]\d{3,}(?:[ \t]\d{2,})*"
# a reference written with spaces round its slashes, a letter in it (a police URN: "20 / HH /
# 0483 / 24"; not a date, "12 / 03 / 2024")
SLASH_SPACED_CODE = r"(?=(?:\d|[ \t]/[ \t])*[A-Z])[A-Z0-9]{1,6}(?:[ \t]/[ \t][A-Z0-9]{1,6}){2,}"
NOT_A_YEAR = r"(?!(?:19|20)\d\d(?![\w/\-.]))"   # "the council grant 2019" is a year, not a grant's number
# an academic year, its second year the next: "2023-24" (not "2022-17", a reference)
ACADEMIC_YEAR = "|".join(f"{y}-{(y + 1) % 100:02d}" for y in range(1950, 2050))
NOT_A_DATE = r"(?!\d{1,2}/\d{1,2}/\d{2,4}\b)(?!(?:19\d\d|20[0-4]\d)/\d\d\b)" \
    rf"(?!(?:{ACADEMIC_YEAR})\b(?![\-/.]?\d))(?!(?:0?[1-9]|1[0-2])/(?:19|20)\d{{2}}\b)"
# nor "2024/03", "2023/24", "2023-24" (a month, an academic year), "1/2024" (but "55/2031" and
# "2087/23", an ethics reference, are neither, nor is "2023-1187" or "2023-11-02")

# a field's whole value that is a number or a code ("GCFF-0042", "00482913"; not a date or a year)
FIELD_VALUE = re.compile(rf"{NOT_A_DATE}{NOT_A_YEAR}(?:{SLASH_SPACED_CODE}|{CODE}|{SPACED_CODE}|\d{{3,}})")
