"""The quick check of a submit never accepts what the forms refuse, and when it accepts, it gives
the very answers, scores and ratings the forms give."""

from django.http import QueryDict
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.web.checkin import quick
from alliance.web.checkin.forms import CheckinForm
from alliance.web.clinic.models import Goal, Task, TaskKind
from alliance.web.goals.checkin import RatingsForm, ratings_of

INSTRUMENTS = ["alliance-checkin", "goal-progress", "phq-9"]
GOALS = [Goal(pk=11, text="Sleep better"), Goal(pk=12, text="Walk daily")]
TASKS = [
    Task(pk=21, kind=TaskKind.BETWEEN, description="Diary"),
    Task(pk=22, kind=TaskKind.METHOD, description="Talk it through"),
]
ASKED = (
    [f"alliance-checkin__{n}" for n in range(1, 10)]
    + [f"phq-9__{n}" for n in range(1, 10)]
    + [f"goal-progress__{g.pk}" for g in GOALS]
    + [f"goal-agreement__{g.pk}" for g in GOALS]
    + [f"task-{part}__21" for part in ("understanding", "agreement", "concern", "done", "helped")]
    + [f"task-{part}__22" for part in ("understanding", "agreement", "concern")]
)
UNASKED = [
    "goal-progress__99",
    "goal-agreement__99",
    "task-done__22",
    "task-helped__22",
    "task-understanding__99",
    "alliance-checkin__99",
]
VALUES = st.one_of(
    st.integers(-1, 11).map(str),
    st.sampled_from(["yes", "partly", "no", "maybe"]),
    st.sampled_from(["", " ", " 7", "07", "7.0", "+3", "٣", "\x00", "a\x00b", "  fine  "]),
    st.text(max_size=30),
    st.just("x" * 2001),
    st.just(" " + "y" * 2000 + " "),
)


def _typical() -> dict[str, str]:
    data = {name: "2" if name.startswith("phq-9") else "7" for name in ASKED}
    data |= {
        "alliance-checkin__7": "Felt heard.",
        "alliance-checkin__8": "0",
        "task-concern__21": "",
        "task-concern__22": "",
        "task-done__21": "partly",
        "phq-9__9": "0",
    }
    data.pop("alliance-checkin__9")  # asked only when something felt off
    return data


def _forms(data: QueryDict):
    form = CheckinForm(data, instruments=INSTRUMENTS, goals=GOALS)
    ratings = RatingsForm(data, goals=GOALS, tasks=TASKS)
    valid = all([form.is_valid(), ratings.is_valid()])
    return valid, form, ratings


def _query(data: dict[str, str]) -> QueryDict:
    query = QueryDict(mutable=True)
    for name, value in data.items():
        query[name] = value
    return query


def _agree(data: dict[str, str]) -> None:
    query = _query(data)
    checked = quick.check(query, INSTRUMENTS, GOALS, TASKS)
    valid, form, ratings = _forms(query)
    if checked is None:
        return
    assert valid, (form.errors, ratings.errors)
    assert checked.answers == form.answers()
    assert checked.scores == form.scores
    assert checked.ratings == ratings_of(ratings)


def test_the_usual_submit_is_checked_quickly_with_the_forms_result():
    data = _typical()
    assert quick.check(_query(data), INSTRUMENTS, GOALS, TASKS) is not None
    _agree(data)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    changes=st.dictionaries(st.sampled_from(ASKED + UNASKED), VALUES, max_size=6),
    dropped=st.lists(st.sampled_from(ASKED), max_size=3),
)
def test_whatever_is_sent_the_quick_check_agrees_with_the_forms_or_defers(changes, dropped):
    data = _typical() | changes
    for name in dropped:
        data.pop(name, None)
    _agree(data)


def test_an_answer_about_a_goal_that_is_not_asked_goes_to_the_forms():
    data = _typical() | {"goal-agreement__99": "5"}
    assert quick.check(_query(data), INSTRUMENTS, GOALS, TASKS) is None
    assert not _forms(_query(data))[0]


def _allowed(name: str) -> list[str]:
    if name.startswith("phq-9"):
        return [str(n) for n in range(4)]
    if name == "alliance-checkin__8" or name == "alliance-checkin__9":
        return ["0", "1", "2", ""] if name.endswith("9") else ["0", "1", "2"]
    if name == "task-done__21":
        return ["yes", "partly", "no", ""]
    if name == "alliance-checkin__7" or name.startswith("task-concern"):
        return ["", "  Felt rushed.  ", "ok"]
    return [str(n) for n in range(11)]


def test_every_answer_shown_is_checked_quickly_and_agrees_with_the_forms():
    swept = 0
    for name in ASKED:
        for value in _allowed(name):
            data = _typical() | {name: value}
            assert quick.check(_query(data), INSTRUMENTS, GOALS, TASKS) is not None, (name, value)
            _agree(data)
            swept += 1
    assert swept == 221  # every value of every question above
