"""Every word of every chart a page shows, measured by the browser on the screen: its size in
pixels, its box, whether it lies inside its chart; and what is wrong with them.

Two words touch when their boxes overlap once each is trimmed to its font size across its line:
the browser's box also holds the font's line gap, and the lines of one wrapped name (a band's)
are set a little more than a font size apart, so their full boxes overlap by a pixel without
any letter touching."""

from __future__ import annotations

from playwright.sync_api import Page

READABLE_PX = 11  # the smallest chart word on the screen, at any width
WORDS = """selector => [...document.querySelectorAll(selector)]
    .filter(svg => svg.getBoundingClientRect().width > 0).map(svg => {
    const frame = svg.getBoundingClientRect();
    const scale = frame.width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map(t => {
        const box = t.getBoundingClientRect();
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        const turned = (t.getAttribute('transform') || '').includes('rotate');
        const across = Math.max(0, ((turned ? box.width : box.height) - px) / 2);
        const [x, y] = turned ? [across, 0] : [0, across];
        return {text: t.textContent, px: px,
                box: [box.left + x, box.top + y, box.right - x, box.bottom - y],
                inside: box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5
                        && box.top >= frame.top - 0.5 && box.bottom <= frame.bottom + 0.5};
    });
})"""


def chart_words(page: Page, selector: str = "svg.chart") -> list[list[dict]]:
    """The words of each chart shown (a picture the stylesheet hides is left out)."""
    return page.evaluate(WORDS, selector)


def touching(words: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["text"], b["text"])
        for n, a in enumerate(words)
        for b in words[n + 1 :]
        if a["box"][0] < b["box"][2]
        and b["box"][0] < a["box"][2]
        and a["box"][1] < b["box"][3]
        and b["box"][1] < a["box"][3]
    ]


def unreadable(charts: list[list[dict]], smallest: float = READABLE_PX) -> list[str]:
    """Each word too small, sticking out of its chart, or touching another, said in words."""
    found = []
    for n, words in enumerate(charts):
        found += [
            f"chart {n}: {w['text']!r} is {w['px']:.1f} px" for w in words if w["px"] < smallest
        ]
        found += [f"chart {n}: {w['text']!r} sticks out" for w in words if not w["inside"]]
        found += [f"chart {n}: {a!r} touches {b!r}" for a, b in touching(words)]
    return found
