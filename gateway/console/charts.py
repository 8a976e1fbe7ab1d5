"""Charts as inline SVG geometry: the templates draw what these return (numbers only, so nothing here needs
escaping), styled by classes from ``console.css`` (the CSP allows no inline style).

``series_chart`` is a line chart over time buckets (one or more series, a shared y axis from zero); ``bar_chart``
is horizontal bars by label. Each also returns a table of the same figures for screen readers and for copying.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

WIDTH, HEIGHT = 560, 180
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 10, 24


@dataclass(frozen=True)
class Line:
    name: str
    css: str
    points: str
    """``x,y x,y …`` for an SVG polyline."""
    dots: list[tuple[float, float, str]]
    """Each value as (x, y, label), for a point with a ``<title>``."""


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    lines: list[Line] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    bars: list[tuple[float, float, str, str]] = field(default_factory=list)
    """(y, width, label, value) of each bar."""
    empty: bool = False


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10.0 * magnitude


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:.2f}"


def series_chart(labels: Sequence[str], series: Sequence[tuple[str, str, Sequence[float | None]]]) -> Chart:
    """``labels`` name the buckets (a few are shown on the x axis); each series is (name, css class, values),
    a None value leaving a gap in its dots."""
    values = [v for _, _, vs in series for v in vs if v is not None]
    top = _nice_top(max(values, default=0.0))
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = max(1, len(labels) - 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return round(LEFT + inner_w * i / n, 1), round(TOP + inner_h * (1 - v / top), 1)

    lines = []
    for name, css, vs in series:
        dots = [(*xy(i, v), f"{labels[i]}: {_fmt(v)}") for i, v in enumerate(vs) if v is not None]
        lines.append(Line(name, css, " ".join(f"{x},{y}" for x, y, _ in dots), dots))
    y_ticks = [(round(TOP + inner_h * (1 - f), 1), _fmt(top * f)) for f in (0, 0.5, 1)]
    step = max(1, len(labels) // 4)
    x_ticks = [(xy(i, 0)[0], labels[i]) for i in range(0, len(labels), step)]
    return Chart(WIDTH, HEIGHT, lines, y_ticks, x_ticks, empty=not values or max(values) == 0)


def bar_chart(items: Sequence[tuple[str, float]]) -> Chart:
    """Horizontal bars, largest first."""
    ordered = sorted(items, key=lambda item: -item[1])[:12]
    top = max((v for _, v in ordered), default=0.0) or 1.0
    row = 22
    inner_w = WIDTH - 170 - RIGHT - 50
    bars = [(float(round(TOP + i * row, 1)), float(round(inner_w * v / top, 1)), label, _fmt(v))
            for i, (label, v) in enumerate(ordered)]
    return Chart(WIDTH, TOP + row * max(1, len(ordered)) + 4, bars=bars, empty=not ordered)
