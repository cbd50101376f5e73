"""The one Markdown pipeline (F-3): every piece of member or staff text is rendered here.

Markdown goes through markdown-it-py with raw HTML off, then bleach with an allow-list;
the result is stored beside the source and shown as it is.
"""

from functools import partial

import bleach
from bleach.linkifier import Linker
from markdown_it import MarkdownIt

POST_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "a",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
    }
)
# Staff-written resources may also use larger headings and tables.
RESOURCE_TAGS = POST_TAGS | {"h2", "table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"a": ["href", "rel"], "ol": ["start"], "th": ["align"], "td": ["align"]}
PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

_markdown = MarkdownIt(
    "commonmark", {"html": False, "linkify": False, "typographer": False}
).disable("image")
_markdown_tables = MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    return attrs


def _clean(html: str, tags: frozenset[str]) -> str:
    cleaned = bleach.clean(html, tags=tags, attributes=ATTRIBUTES, protocols=PROTOCOLS, strip=True)
    return Linker(callbacks=[_set_rel], skip_tags={"pre", "code"}, parse_email=False).linkify(
        cleaned
    )


def render_post(text: str) -> str:
    """Member Markdown to safe HTML (posts, messages, bios)."""
    return _clean(_markdown.render(text), POST_TAGS)


def render_resource(text: str) -> str:
    """Staff Markdown to safe HTML, with the wider resource allow-list."""
    return _clean(_markdown_tables.render(text), RESOURCE_TAGS)


sanitise_post_html = partial(_clean, tags=POST_TAGS)
