"""Problems with FHIR content, each naming the resource, the item and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    resource: str  # e.g. "entry 3 (QuestionnaireResponse urn:uuid:...)", or "Bundle"
    problem: str
    item: str | None = None

    def __str__(self) -> str:
        where = self.resource if self.item is None else f"{self.resource}, item {self.item}"
        return f"{where}: {self.problem}"


class FhirError(ValueError):
    """FHIR content that cannot be used; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))
