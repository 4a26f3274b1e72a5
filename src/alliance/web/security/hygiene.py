"""Free text is refused, with a field error, when it holds control characters or bytes that were
not valid UTF-8 (the request decoder turns those into U+FFFD, which is refused rather than kept)."""

from __future__ import annotations

import re

# every C0 control but tab, newline and carriage return; DEL; C1 controls; the replacement character
BAD_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


def text_problem(value: str) -> str:
    """Why this text cannot be stored, or an empty string."""
    found = BAD_CHARACTERS.search(value)
    if found is None:
        return ""
    if found.group() == "\ufffd":
        return "contains bytes that are not valid UTF-8 text; retype it"
    return f"contains a control character (U+{ord(found.group()):04X}); remove it"


class TextHygiene:
    """Mix into a form before forms.Form or forms.ModelForm: every text value is checked."""

    def full_clean(self) -> None:
        super().full_clean()
        if not hasattr(self, "cleaned_data"):
            return
        for name, value in list(self.cleaned_data.items()):
            problem = _problem_in(value)
            if problem:
                self.add_error(name, problem)


def _problem_in(value) -> str:
    if isinstance(value, str):
        return text_problem(value)
    if isinstance(value, (list, tuple)):
        return next((text_problem(v) for v in value if isinstance(v, str) and text_problem(v)), "")
    return ""
