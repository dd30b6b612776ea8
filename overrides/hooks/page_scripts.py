"""Hook: load the chart and table scripts only on the pages that have charts or tables to drive."""

from __future__ import annotations

from macros.views.content import NOT_CONTENT_SELECTOR
from macros.views.render import base_for, render


def on_post_page(output, page, config):
    charts, tables = "data-chart=" in output, "data-csv=" in output
    side_by_side = "data-side-by-side" in output
    if not (charts or tables or side_by_side):
        return output
    scripts = render(
        "page-scripts.html",
        base=base_for(page.url),
        charts=charts,
        tables=tables,
        side_by_side=side_by_side,
        not_content=NOT_CONTENT_SELECTOR,  # tables.js leaves out of a CSV what the build leaves out
    )
    return output.replace("</body>", scripts + "\n</body>", 1)
