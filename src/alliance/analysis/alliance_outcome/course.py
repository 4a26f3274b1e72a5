"""Each client's own course (mean, and line on log(session)), worked out once per fit.

The four scales of a default fit share the clients, their sizes and their log-sessions, so the
parts of the within/between split that depend only on those are computed here once and every
column is then taken off its client's course with a few bincounts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FLAT = 1e-12  # a client's log-sessions spread less than this: no line is fitted


@dataclass(frozen=True)
class ClientCourse:
    codes: np.ndarray  # the clients as 0..G-1
    n_groups: int
    counts: np.ndarray  # rows per client, as floats
    log_c: np.ndarray | None  # log(session) minus its client mean; None: means only
    sxx: np.ndarray | None  # per client: sum of log_c ** 2

    @classmethod
    def of(cls, codes: np.ndarray, log_s: np.ndarray | None = None) -> ClientCourse:
        n_groups = int(codes.max()) + 1
        counts = np.bincount(codes, minlength=n_groups).astype(float)
        if log_s is None:
            return cls(codes, n_groups, counts, None, None)
        log_c = log_s - (np.bincount(codes, log_s, n_groups) / counts)[codes]
        return cls(codes, n_groups, counts, log_c, np.bincount(codes, log_c * log_c, n_groups))

    def means(self, values: np.ndarray) -> np.ndarray:
        """Each row's client mean of values."""
        return (np.bincount(self.codes, values, self.n_groups) / self.counts)[self.codes]

    def trend(self, centred: np.ndarray) -> np.ndarray:
        """Each client's least-squares line of centred values on log(session), at every row."""
        assert self.log_c is not None and self.sxx is not None, "a course made with log(session)"
        sxy = np.bincount(self.codes, self.log_c * centred, self.n_groups)
        slope = np.divide(sxy, self.sxx, out=np.zeros(self.n_groups), where=self.sxx > FLAT)
        return slope[self.codes] * self.log_c

    def residual(self, values: np.ndarray) -> np.ndarray:
        """Values minus the client's mean, and minus the client's own line when it has one."""
        centred = values - self.means(values)
        return centred if self.log_c is None else centred - self.trend(centred)
