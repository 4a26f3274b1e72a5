"""The check-in total as the clinic sees it: its expected value and spread after items, rounding
and the 0-10 ceiling, so that planted ruptures can be sized on the observed scale."""

from __future__ import annotations

import numpy as np
from numpy.polynomial.hermite_e import hermegauss
from scipy.special import ndtr

_THRESHOLDS = np.arange(1, 11) - 0.5  # an answer reaches k when the latent value passes k - 0.5
_NODES, _WEIGHTS = hermegauss(10)  # exact to 2e-5 of the total SD here
_WEIGHTS = _WEIGHTS / _WEIGHTS.sum()  # expectations over a standard normal


def expected_total(latent_mean: np.ndarray, spread: np.ndarray) -> np.ndarray:
    """Expected check-in total (mean of six 0-10 items) for latent dimension means (n, 3).

    `spread` (n,) is the SD of one item's latent value around its dimension's mean.
    """
    z = (latent_mean[:, :, None] - _THRESHOLDS) / spread[:, None, None]
    return ndtr(z).sum(axis=2).mean(axis=1)


def total_sd(
    latent_mean: np.ndarray, within_sd: np.ndarray, dimension_sd: float, item_sd: float
) -> np.ndarray:
    """SD of the observed check-in total of each client in sessions without a rupture.

    The latent dimension value is mean + a shared session deviation (within_sd) + dimension noise;
    each of its two items adds item noise and is rounded and clipped. Gauss-Hermite quadrature over
    the session deviation and the dimension noise gives the exact variance of the item mean.
    """
    shared = within_sd[:, None, None, None] * _NODES[None, None, :, None]
    own = dimension_sd * _NODES[None, None, None, :]
    first, second = _item_moments(latent_mean[:, :, None, None] + shared + own, item_sd)
    w = _WEIGHTS
    mean_f = np.einsum("ndjm,m->ndj", first, w)  # E[item | shared deviation], per dimension
    mean_f2 = np.einsum("ndjm,m->ndj", first**2, w)
    mean_v = np.einsum("ndjm,m->ndj", second - first**2, w)
    dimension_sum_var = 4.0 * (mean_f2 - mean_f**2) + 2.0 * mean_v
    given_shared_mean = mean_f.mean(axis=1)  # (n, J): expected total given the deviation
    given_shared_var = dimension_sum_var.sum(axis=1) / 36.0
    expected = given_shared_mean @ w
    variance = given_shared_var @ w + (given_shared_mean**2) @ w - expected**2
    return np.sqrt(np.clip(variance, 0.0, None))


def _item_moments(latent: np.ndarray, item_sd: float) -> tuple[np.ndarray, np.ndarray]:
    """E[answer] and E[answer^2] of a 0-10 item, rounded and clipped, given its latent value.

    Both are smooth in the latent value, so they are tabulated on a fine grid and interpolated.
    """
    grid = np.linspace(latent.min() - 0.01, latent.max() + 0.01, 4001)
    reached = ndtr((grid[:, None] - _THRESHOLDS) / max(item_sd, 1e-9))
    first = reached.sum(axis=1)
    second = reached @ (2.0 * np.arange(1, 11) - 1.0)  # answer^2 = sum of (2k - 1) over reached k
    return np.interp(latent, grid, first), np.interp(latent, grid, second)


def latent_drop_for(
    target: np.ndarray,
    latent_mean: np.ndarray,
    weights: np.ndarray,
    spread: np.ndarray,
    largest: np.ndarray,
) -> np.ndarray:
    """The latent fall of the total (spread over dimensions by `weights`) whose expected observed
    drop is `target`; at most `largest` when even that cannot show so much (bisection)."""
    before = expected_total(latent_mean, spread)
    low, high = np.zeros(len(target)), largest.astype(float).copy()
    for _ in range(40):
        middle = (low + high) / 2
        shown = before - expected_total(latent_mean - middle[:, None] * weights, spread)
        enough = shown >= target
        high, low = np.where(enough, middle, high), np.where(enough, low, middle)
    return high


def observed_drop(
    latent_drop: np.ndarray, latent_mean: np.ndarray, weights: np.ndarray, spread: np.ndarray
) -> np.ndarray:
    """Expected fall of the observed total caused by a latent fall of the total."""
    after = latent_mean - latent_drop[:, None] * weights
    return expected_total(latent_mean, spread) - expected_total(after, spread)
