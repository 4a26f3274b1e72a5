"""A second generator family, written from the published definitions rather than from the detector.

The project's own clinic (alliance.simulate) plants ruptures with a model the rupture rules were
developed beside. This family is structurally different, so the defaults chosen there can be
reported here untuned (docs/science.md section 9):

- session noise is heavy-tailed (Student t, 4 degrees of freedom) and its scale differs from client
  to client (log-normal), with a group of high-noise clients;
- clients are typical, high-noise, ceiling (a level at the top of the scale), or steady decliners;
- a rupture is what Stiles et al. (2004) and Eubanks, Muran & Safran (2015) define: a drop of at
  least 2 of the client's own SDs below the running mean, repaired when the score returns to about
  the earlier level within 1-3 sessions; it hits all three dimensions alike or one of them;
- one item in some ordinary sessions is answered 0 by mistake (a misclick), a quarter of the
  clients never report strain, and a tenth of the sessions are missing.

`checkin_clinic` gives item-level answers in the interchange format with the truth beside them;
`phq9_clinic` gives a PHQ-9 course per client for the outcome side.
"""

from .checkins import IndependentClinic, checkin_clinic
from .outcome import OutcomeClinic, phq9_clinic

__all__ = ["IndependentClinic", "OutcomeClinic", "checkin_clinic", "phq9_clinic"]
