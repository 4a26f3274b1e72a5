"""A readable, self-contained HTML report of the predictive analyses."""

from .html import render_report

__all__ = ["render_report"]
