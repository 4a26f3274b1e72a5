"""Highlighted notes on a goal: low agreement from either side, or progress that has stalled."""

from __future__ import annotations

TOP = 10  # a goal rated fully reached is not stalled


def agreement_notes(client: int | None, therapist: int | None, line: int) -> list[str]:
    found = []
    if client is not None and client < line:
        found.append(
            f"The client's agreement with this goal is {client} of 10, under the line "
            f"of {line}: check together that it is still what they want to work on."
        )
    if therapist is not None and therapist < line:
        found.append(
            f"Your own agreement is {therapist} of 10, under the line of {line}: say "
            "what you see differently, and agree the goal again."
        )
    return found


def stall_note(progress: list[int], stall: int) -> list[str]:
    """A note when the last `stall` ratings show no gain (the latest not above the first)."""
    recent = progress[-stall:]
    if len(recent) < stall or recent[-1] > recent[0] or recent[-1] >= TOP:
        return []
    shown = ", ".join(str(value) for value in recent)
    return [
        f"No gain over the last {stall} progress ratings ({shown}): ask what stands in the "
        "way, or revise the goal together."
    ]
