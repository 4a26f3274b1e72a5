"""The alert kinds and settings of goals, tasks and ruptures are in the clinic docs."""

from pathlib import Path

from alliance.web.clinic.models import AlertKind
from alliance.web.ruptures.strategies import strategies

CLINIC = Path(__file__).resolve().parents[3] / "docs" / "clinic.md"


def test_every_new_alert_kind_and_setting_is_documented():
    documented = CLINIC.read_text()
    names = [
        AlertKind.RUPTURE,
        AlertKind.TASK_DISAGREEMENT,
        "rupture_detector",
        "task_agreement_line",
        "goal_agreement_line",
        "stall_ratings",
    ]
    assert [name for name in names if f"`{name}`" not in documented] == []


def test_every_strategy_id_is_documented():
    documented = CLINIC.read_text()
    assert [s.id for s in strategies() if f"`{s.id}`" not in documented] == []
