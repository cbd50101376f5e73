"""The one Markdown pipeline (F-3): every piece of member or staff text is rendered here.

Markdown goes through markdown-it-py with raw HTML and images off, then bleach with an
allow-list of tags, attributes and URL schemes; the result is stored beside the source and
shown as it is. Relative links (``/resources/sleep/``, ``#top``) are kept: they have no
scheme to abuse.

Headings are clamped rather than stripped: the page owns its ``h1`` (and, around posts, its
``h2``), so a member's ``# Title`` renders as ``h3`` and a resource's ``# Title`` as ``h2``.
Stripping the tag instead would leave the heading text loose outside any paragraph.
"""

import re
from collections.abc import Mapping
from functools import partial

from bleach.linkifier import LinkifyFilter, build_url_re
from bleach.sanitizer import Cleaner
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

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

# bleach's default linkify pattern also turns ftp:, irc:, ssh:, urn: … text into links, and
# those new links are not checked against PROTOCOLS again; only ours may become links.
_URL_RE = build_url_re(protocols=PROTOCOLS)
# "@name" as a member types it; not inside an email address or a URL path.
MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9][A-Za-z0-9_.-]{1,19})(?<![.-])")


def _tidy_tokens(state: StateCore, top_heading: int) -> None:
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{max(int(token.tag[1]), top_heading)}"
        elif token.type in ("th_open", "td_open") and "style" in token.attrs:
            # markdown-it aligns cells with an inline style, which the CSP (style-src
            # 'self') would block; the align attribute needs no CSS.
            token.attrs["align"] = str(token.attrs.pop("style")).removeprefix("text-align:")


def _mention_tokens(text: str, mentions: Mapping[str, str]) -> list[Token]:
    tokens, start = [], 0
    for match in MENTION.finditer(text):
        url = mentions.get(match.group(1))
        if url is None:
            continue
        tokens.append(Token("text", "", 0, content=text[start : match.start()]))
        tokens.append(Token("link_open", "a", 1, attrs={"href": url}))
        tokens.append(Token("text", "", 0, content=match.group(0)))
        tokens.append(Token("link_close", "a", -1))
        start = match.end()
    tokens.append(Token("text", "", 0, content=text[start:]))
    return tokens


def _link_mentions(state: StateCore) -> None:
    """Link each "@name" in `env["mentions"]` (name as typed -> URL); code and links stay."""
    mentions = state.env.get("mentions")
    if not mentions:
        return
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children, in_link = [], 0
        for token in block.children:
            in_link += (token.type == "link_open") - (token.type == "link_close")
            if token.type == "text" and not in_link:
                children.extend(_mention_tokens(token.content, mentions))
            else:
                children.append(token)
        block.children = children


def _markdown(top_heading: int, *, tables: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    if tables:
        md.enable("table")
    md.core.ruler.push("sharon_tidy", partial(_tidy_tokens, top_heading=top_heading))
    md.core.ruler.push("sharon_mentions", _link_mentions)
    return md


_post_markdown = _markdown(3, tables=False)
_resource_markdown = _markdown(2, tables=True)


def _link_attrs(attrs, new=False):
    # The sanitiser removes an unsafe href but keeps the <a>; drop such links to their text.
    if (None, "href") not in attrs:
        return None
    attrs[(None, "rel")] = LINK_REL
    return attrs


def _clean(html: str, tags: frozenset[str]) -> str:
    """Sanitise HTML and linkify bare URLs in one html5lib pass.

    Linkifying runs as a filter after the sanitiser (bleach's documented way) rather than
    as a second Linker pass: Linker with skip_tags escapes text inside <pre>/<code> again,
    so "<b>" in a code block was shown as "&lt;b&gt;" and every re-sanitise added another
    layer. Cleaner is not thread-safe, hence one per call.
    """
    cleaner = Cleaner(
        tags=tags,
        attributes=ATTRIBUTES,
        protocols=PROTOCOLS,
        strip=True,
        filters=[
            partial(
                LinkifyFilter,
                callbacks=[_link_attrs],
                skip_tags={"pre", "code"},
                parse_email=False,
                url_re=_URL_RE,
            )
        ],
    )
    return cleaner.clean(html)


def render_post(text: str, *, mentions: Mapping[str, str] | None = None) -> str:
    """Member Markdown to safe HTML (posts, messages, bios).

    `mentions` maps a name as typed after "@" (see MENTION) to the URL it links to.
    """
    return _clean(_post_markdown.render(text, {"mentions": mentions}), POST_TAGS)


def render_resource(text: str) -> str:
    """Staff Markdown to safe HTML, with the wider resource allow-list."""
    return _clean(_resource_markdown.render(text), RESOURCE_TAGS)


def sanitise_post_html(html: str) -> str:
    """Sanitise stored post HTML again; render_post's output comes back unchanged."""
    return _clean(html, POST_TAGS)


def sanitise_resource_html(html: str) -> str:
    """Sanitise stored resource HTML again; render_resource's output comes back unchanged."""
    return _clean(html, RESOURCE_TAGS)
