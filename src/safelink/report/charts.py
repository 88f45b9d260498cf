"""Inline SVG charts, drawn here: no script, no font or style sheet from the network.

Every label is escaped. The charts use only counts, rates and category names that are
already in a manifest (step names, sources, group labels, class sizes).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

_BAR = "#2f6f9f"
_ALERT = "#b3261e"
_MUTED = "#8a8f98"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.3g}"


def bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    value_label: str = "",
    percent: bool = False,
    width: int = 640,
) -> str:
    """A horizontal bar chart as an inline ``<svg>`` element.

    Args:
        items: (label, value) pairs, drawn top to bottom.
        title: the accessible title (also shown above the chart).
        value_label: unit shown after each value.
        percent: values are shares in [0, 1], shown as percentages on a 0-100% axis.
        width: the chart width in pixels.

    Returns:
        The SVG markup.
    """
    row, label_w, pad = 24, 230, 8
    height = pad * 2 + row * max(len(items), 1) + 20
    top = max((v for _, v in items), default=0.0)
    scale_max = 1.0 if percent else (top or 1.0)
    bar_w = width - label_w - 110
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>'
    ]
    for i, (label, value) in enumerate(items):
        y = pad + 20 + i * row
        length = 0 if scale_max <= 0 else max(bar_w * value / scale_max, 0)
        shown = f"{100 * value:.1f}%" if percent else f"{_fmt(value)} {value_label}".strip()
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" class="lbl">'
            f"{escape(str(label))}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" '
            f'fill="{_BAR}"><title>{escape(str(label))}: {escape(shown)}</title></rect>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 15}" class="val">{escape(shown)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def histogram(
    bins: Sequence[tuple[float, float, float]],
    *,
    title: str,
    threshold: float | None = None,
    x_label: str = "",
    y_label: str = "",
    log_counts: bool = False,
    width: int = 640,
    height: int = 240,
) -> str:
    """A vertical-bar histogram as inline ``<svg>``, with an optional threshold line.

    Args:
        bins: (from, to, count) in ascending order.
        title: the accessible title.
        threshold: an x value marked with a red line and label (e.g. the match-weight cut-off).
        x_label: the x-axis label.
        y_label: the y-axis label.
        log_counts: scale bar heights by log10(1 + count) (weights span orders of magnitude).
        width: the chart width in pixels.
        height: the chart height in pixels.

    Returns:
        The SVG markup.
    """
    import math

    left, right, top, bottom = 56, 16, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>'
    ]
    if not bins:
        parts.append(f'<text x="{left}" y="{top + 20}" class="lbl">no data</text></svg>')
        return "".join(parts)
    lo = min(b[0] for b in bins)
    hi = max(b[1] for b in bins)
    if threshold is not None:
        lo, hi = min(lo, threshold), max(hi, threshold)
    span = (hi - lo) or 1.0

    def height_of(count: float) -> float:
        return math.log10(1 + count) if log_counts else count

    peak = max(height_of(b[2]) for b in bins) or 1.0

    def x_of(value: float) -> float:
        return left + plot_w * (value - lo) / span

    for start, end, count in bins:
        h = plot_h * height_of(count) / peak
        colour = _BAR if threshold is None or start >= threshold else _MUTED
        parts.append(
            f'<rect x="{x_of(start):.1f}" y="{top + plot_h - h:.1f}" '
            f'width="{max(x_of(end) - x_of(start) - 1, 1):.1f}" height="{h:.1f}" '
            f'fill="{colour}"><title>{_fmt(start)} to {_fmt(end)}: {_fmt(count)}</title></rect>'
        )
    axis_y = top + plot_h
    parts.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{left + plot_w}" y2="{axis_y}" class="axis"/>'
        f'<text x="{left}" y="{axis_y + 16}" class="lbl">{_fmt(lo)}</text>'
        f'<text x="{left + plot_w}" y="{axis_y + 16}" text-anchor="end" class="lbl">'
        f"{_fmt(hi)}</text>"
        f'<text x="{left + plot_w / 2}" y="{axis_y + 32}" text-anchor="middle" class="lbl">'
        f"{escape(x_label)}</text>"
        f'<text x="14" y="{top + plot_h / 2}" class="lbl" '
        f'transform="rotate(-90 14 {top + plot_h / 2})" text-anchor="middle">'
        f"{escape(y_label)}{' (log scale)' if log_counts else ''}</text>"
    )
    if threshold is not None:
        x = x_of(threshold)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{axis_y}" stroke="{_ALERT}" '
            f'stroke-width="2" stroke-dasharray="5 3"/>'
            f'<text x="{x + 4:.1f}" y="{top + 12}" class="thr">threshold {_fmt(threshold)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def waterfall_chart(
    steps: Sequence[tuple[str, float]],
    *,
    title: str,
    threshold: float | None = None,
    width: int = 760,
) -> str:
    """A horizontal waterfall as inline ``<svg>``: each step moves a running total.

    The first step is the starting value (e.g. the prior match weight), drawn from zero; each
    later step is drawn from the running total before it to the total after it (blue up, red
    down); a last row shows the final total. An optional threshold is a dashed red line.

    Args:
        steps: (label, amount) pairs, the first being the start.
        title: the accessible title.
        threshold: an x value marked with a dashed line (e.g. the threshold match weight).
        width: the chart width in pixels.

    Returns:
        The SVG markup.
    """
    row, label_w, pad, axis = 20, 300, 20, 28
    totals, running = [], 0.0
    for i, (_, amount) in enumerate(steps):
        start = 0.0 if i == 0 else running
        running = amount if i == 0 else running + amount
        totals.append((start, running))
    rows = [*zip((label for label, _ in steps), totals, strict=True)]
    rows.append(("final match weight", (0.0, running)))
    marks = [0.0, *(v for _, pair in rows for v in pair)]
    if threshold is not None:
        marks.append(threshold)
    lo, hi = min(marks), max(marks)
    span = (hi - lo) or 1.0
    plot_w = width - label_w - 70
    height = pad * 2 + row * len(rows) + axis

    def x_of(value: float) -> float:
        return label_w + plot_w * (value - lo) / span

    parts = [
        f'<svg class="chart waterfall" role="img" aria-label="{escape(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>'
    ]
    for i, (label, (start, end)) in enumerate(rows):
        y = pad + i * row
        first_or_last = i == 0 or i == len(rows) - 1
        colour = _MUTED if first_or_last else (_BAR if end >= start else _ALERT)
        left, right = sorted((x_of(start), x_of(end)))
        change = end - start
        shown = f"{end:+.2f}" if first_or_last else f"{change:+.2f}"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" class="lbl">'
            f"{escape(label)}</text>"
            f'<rect x="{left:.1f}" y="{y + 3}" width="{max(right - left, 1):.1f}" '
            f'height="{row - 6}" fill="{colour}"><title>{escape(label)}: {shown}</title></rect>'
            f'<text x="{right + 4:.1f}" y="{y + 14}" class="val">{shown}</text>'
        )
    axis_y = pad + row * len(rows) + 4
    zero = x_of(0.0)
    parts.append(
        f'<line x1="{zero:.1f}" y1="{pad}" x2="{zero:.1f}" y2="{axis_y}" class="axis"/>'
        f'<line x1="{label_w}" y1="{axis_y}" x2="{label_w + plot_w}" y2="{axis_y}" class="axis"/>'
        f'<text x="{label_w}" y="{axis_y + 16}" class="lbl">{_fmt(round(lo, 1))}</text>'
        f'<text x="{label_w + plot_w}" y="{axis_y + 16}" text-anchor="end" class="lbl">'
        f"{_fmt(round(hi, 1))}</text>"
    )
    if threshold is not None:
        x = x_of(threshold)
        parts.append(
            f'<line x1="{x:.1f}" y1="{pad}" x2="{x:.1f}" y2="{axis_y}" stroke="{_ALERT}" '
            f'stroke-width="2" stroke-dasharray="5 3"/>'
            f'<text x="{x:.1f}" y="{pad - 6}" text-anchor="middle" class="thr">'
            f"threshold {_fmt(round(threshold, 2))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
