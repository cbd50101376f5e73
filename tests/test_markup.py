"""The Markdown pipeline lets members format text and nothing else (F-3).

A corpus of hostile inputs goes through every entry point; each output is parsed twice (by
the stdlib parser and by the browser-accurate html5lib that bleach itself uses, so a parser
differential shows up) and must contain only allow-listed tags and attributes, links with
safe schemes and our rel, and must come back unchanged when sanitised again.
"""

import re
import time
from html.parser import HTMLParser

import pytest
from bleach._vendor import html5lib

from sharon.markup import (
    ATTRIBUTES,
    LINK_REL,
    POST_TAGS,
    PROTOCOLS,
    RESOURCE_TAGS,
    render_post,
    render_resource,
    sanitise_post_html,
    sanitise_resource_html,
)

DATA_URI = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="

PAYLOADS = (
    # Raw HTML: members' HTML must never render.
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.com/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script>alert(1)",
    "</script><script>alert(1)</script>",
    "<<script>alert(1)//<</script>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
    '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCc+PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pjwvc3ZnPg==#x"/></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "<style>*{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="http://example.com" onclick="alert(1)">x</a>',
    '<a href="http://example.com" onmouseover=alert(1)>x</a>',
    '<a href="http://example.com" style="position:fixed;inset:0">cover</a>',
    '<a href="http://example.com" target="_blank" rel="opener">x</a>',
    '<a href="http://example.com" formaction="javascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href=" &#14; javascript:alert(1)">x</a>',
    '<a href="java\x00script:alert(1)">x</a>',
    '<a title="a\n" onmouseover="alert(1)">x</a>',
    "<body onload=alert(1)>",
    "<div onpointerenter=alert(1)>hover</div>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<form><button formaction="javascript:alert(1)">go</button></form>',
    "<button formaction=javascript:alert(1)>x",
    '<object data="javascript:alert(1)"></object>',
    f'<embed src="{DATA_URI}">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    "<link rel=stylesheet href=//evil.com/x.css>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<frameset onload=alert(1)>",
    "<isindex action=javascript:alert(1) type=image>",
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    "<h1 onclick=alert(1)>x</h1>",
    '<ol start="1 onclick=alert(1)"><li>x</li></ol>',
    "<td align=left onmouseover=alert(1)>x</td>",
    "<p>ok</p><script>alert(1)</script>",
    '<p id="</p><script>alert(1)</script>">',
    "<x onclick=alert(1)>click",
    "<template><script>alert(1)</script></template>",
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    "<![CDATA[<script>alert(1)</script>]]>",
    '<?xml version="1.0"?><script>alert(1)</script>',
    '"><script>alert(1)</script>',
    "'><svg/onload=alert(1)>",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    # Mutation XSS: markup that changes meaning when parsed, serialised and parsed again.
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<math><style><img src=x onerror=alert(1)></style></math>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<textarea><script>alert(1)</script></textarea>",
    "<title><img src=x onerror=alert(1)></title>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
    "<listing>&lt;img src=x onerror=alert(1)&gt;</listing>",
    "<select><template><style><img src=x onerror=alert(1)></style></template></select>",
    "<pre><code></code></pre><img src=x onerror=alert(1)>",
    # Markdown links with unsafe or disguised schemes.
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](java&Tab;script:alert(1))",
    "[x](java&NewLine;script:alert(1))",
    "[x](<java\tscript:alert(1)>)",
    "[x]( javascript:alert(1))",
    "[x](\x01javascript:alert(1))",
    "[x](\x0bjavascript:alert(1))",
    "[x](%6Aavascript:alert(1))",
    "[x](javascript://%0Aalert(1))",
    "[x](javascript:alert&#40;1&#41;)",
    '[x](javascript:alert(1) "title")',
    "[x](<javascript:alert(1)>)",
    "[x](\\javascript:alert(1))",
    f"[x]({DATA_URI})",
    "[x](DATA:text/html,<script>alert(1)</script>)",
    "[x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x](vbscript:msgbox(1))",
    "[x](VBScript:msgbox(1))",
    "[x](file:///etc/passwd)",
    "[x](ftp://evil.com/)",
    "[x](jar:http://evil.com/!/)",
    "[x](blob:http://evil.com/0b9c)",
    "[x](intent://evil#Intent;scheme=javascript;end)",
    "[x](mailto:javascript:alert(1))",
    "[x](https:javascript:alert(1))",
    "[x](//javascript:alert(1))",
    "[x](http://example.com/javascript:alert(1))",
    # Link titles, destinations and text that try to break out of the attribute or tag.
    '[x](http://example.com "title\\" onmouseover=\\"alert(1)")',
    "[x](http://example.com 'a\\' onclick=alert(1) ')",
    '[x](http://example.com"onmouseover="alert(1))',
    '[x](http://example.com?a="><script>alert(1)</script>)',
    "[x](http://example.com/ onmouseover=alert(1))",
    "[<img src=x onerror=alert(1)>](http://example.com)",
    "[**bold** <script>alert(1)</script>](http://example.com)",
    "[&lt;script&gt;](http://example.com)",
    "[a [nested [brackets]]](javascript:alert(1))",
    "[[x](javascript:alert(1))](http://example.com)",
    "[x](http://example.com)(javascript:alert(1))",
    # Reference-style links.
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    '[x][ref]\n\n[ref]: <JAVASCRIPT:alert(1)> "t"',
    "[ref]\n\n[ref]: data:text/html,<script>alert(1)</script>",
    '[x][r]\n\n[r]: http://example.com "a\\" onclick=\\"alert(1)"',
    "[x][r]\n\n[r]: &#x6A;avascript:alert(1)",
    # Images are off; their syntax must not smuggle anything in.
    "![x](javascript:alert(1))",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    '![x](http://example.com/x.png"onerror="alert(1))',
    '![x" onerror="alert(1)](http://example.com/x.png)',
    "![x](http://example.com/x.png)",
    "[![x](javascript:alert(1))](http://example.com)",
    "![x][i]\n\n[i]: javascript:alert(1)",
    # Autolinks and bare URLs.
    "<javascript:alert(1)>",
    "<JavaScript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "<file:///etc/passwd>",
    '<http://example.com/"onmouseover="alert(1)>',
    "<mailto:x@example.com?subject=<script>>",
    "<x@example.com>",
    "<http://example.com/<script>>",
    "javascript:alert(1)",
    'http://example.com/"><script>alert(1)</script>',
    "www.example.com/<img src=x onerror=alert(1)>",
    "ftp://example.com/ irc://example.com ssh://example.com urn:example.com",
    "http://example.com/?q=<svg/onload=alert(1)>",
    "jAvAsCrIpT://example.com/%0aalert(1)",
    "data:text/html,example.com",
    # Entity-encoded markup.
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    "\\<script>alert(1)\\</script>",
    "&amp;lt;script&amp;gt;",
    # Code spans and blocks hold HTML as text.
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    '```"><script>alert(1)</script>\nx\n```',
    "```js onload=alert(1)\nx\n```",
    "    <img src=x onerror=alert(1)>",
    "`` ` <b onclick=alert(1)>x</b> ` ``",
    "~~~\n</code></pre><script>alert(1)</script>\n~~~",
    "`http://example.com/<script>`",
    # Unicode and zero-width obfuscation.
    "[x](java\u200bscript:alert(1))",
    "[x](\uff4a\uff41\uff56\uff41\uff53\uff43\uff52\uff49\uff50\uff54:alert(1))",
    "[x](\u202ejavascript:alert(1))",
    "[x](javascript\ufeff:alert(1))",
    "[x](java\u00adscript:alert(1))",
    "[x](<http://example.com\u2028javascript:alert(1)>)",
    "<scr\u200bipt>alert(1)</scr\u200bipt>",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "\uff1cimg src=x onerror=alert(1)\uff1e",
    # NUL and control characters.
    "<scr\x00ipt>alert(1)</scr\x00ipt>",
    "[x](java\x00script:alert(1))",
    "<img\x00src=x onerror=alert(1)>",
    "\x00\x01\x02\x03\x08\x0b\x0c\x0e\x1f\x7f<script>alert(1)</script>",
    "[x\x00](http://example.com\x00)",
    # Headings, quotes, lists and tables carrying HTML.
    "# <script>alert(1)</script>",
    "# Heading {onclick=alert(1)}",
    "Setext\n===\n<img src=x onerror=alert(1)>",
    "> <iframe src=javascript:alert(1)>",
    "- <svg onload=alert(1)>",
    "| <script> | x |\n|---|---|\n| [x](javascript:alert(1)) | <img src=x onerror=alert(1)> |",
    "| a |\n|:-:|\n| b |",
    "<div>\n\n*markdown inside an html block*\n\n</div>",
    # Malformed and oversized Markdown.
    "**unclosed *emphasis [link](http://example.com",
    "[unbalanced](http://example.com (((",
    "<" * 5000 + "script>alert(1)",
    "[" * 3000 + "x](javascript:alert(1))" + ")" * 3000,
    "*" * 5000 + "<img src=x onerror=alert(1)>",
    "> " * 200 + "<script>alert(1)</script>",
    "- " * 200 + "[x](javascript:alert(1))",
    "\n".join(f"{'  ' * i}- item <b>{i}</b>" for i in range(100)),
    "1. " * 100 + "x",
    "# " + "<h1>" * 50,
    "<a href=http://example.com>" * 500,
    "`" * 1000 + "<script>",
    "http://" + "a" * 10000 + ".example",
    "a." * 5000 + "com",
)

RENDERERS = {
    "render_post": (render_post, POST_TAGS),
    "render_resource": (render_resource, RESOURCE_TAGS),
    # Stored HTML may have been tampered with: the raw payload goes straight to the sanitiser.
    "sanitise_post_html": (sanitise_post_html, POST_TAGS),
    "sanitise_resource_html": (sanitise_resource_html, RESOURCE_TAGS),
}
RESANITISE = {POST_TAGS: sanitise_post_html, RESOURCE_TAGS: sanitise_resource_html}
FORBIDDEN = {"script", "style", "iframe", "object", "embed", "svg", "math", "img", "form", "input"}
# What a browser ignores when it reads a URL's scheme, plus invisible characters.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\ufeff]")
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_comment(self, data):
        self.comments.append(data)

    handle_pi = handle_decl = unknown_decl = handle_comment


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """The (tag, attributes) of every element, as two different HTML parsers read them."""
    stdlib = _Elements()
    stdlib.feed(html)
    stdlib.close()
    assert not stdlib.comments
    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    browser = [(element.tag, dict(element.attrib)) for element in fragment.iter()][1:]
    assert all(isinstance(tag, str) for tag, _ in browser), "comment or processing instruction"
    assert stdlib.elements == browser
    return browser


def href_scheme(href: str) -> str | None:
    """The scheme a browser would act on; None for a relative URL."""
    match = SCHEME.match(IGNORED_IN_SCHEME.sub("", href).lower())
    return match.group(1) if match else None


def assert_safe(html: str, tags: frozenset[str]) -> None:
    for tag in re.findall(r"<\s*/?\s*([^\s/>]*)", html):
        assert tag.lower() in tags, f"raw <{tag} in output"
    for tag, attrs in elements(html):
        assert tag not in FORBIDDEN
        assert tag in tags
        assert not [name for name in attrs if name.lower().startswith("on")]
        assert set(attrs) <= set(ATTRIBUTES.get(tag, ())), (tag, attrs)
        if tag == "a":
            assert attrs.get("rel") == LINK_REL
            assert attrs.get("href") is not None
            assert href_scheme(attrs["href"]) in PROTOCOLS | {None}, attrs["href"]


def test_corpus_is_large_and_distinct():
    assert len(set(PAYLOADS)) == len(PAYLOADS) >= 120


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("payload", PAYLOADS, ids=[f"p{n:03d}" for n in range(len(PAYLOADS))])
def test_hostile_input_renders_safe_and_stable(renderer, payload):
    render, tags = RENDERERS[renderer]
    html = render(payload)
    assert_safe(html, tags)
    assert RESANITISE[tags](html) == html


def test_the_checker_catches_what_it_should():
    for html in (
        "<script>alert(1)</script>",
        '<p onclick="x">a</p>',
        '<a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a>',
        '<a href=" java&#x09;script:alert(1)" rel="nofollow ugc noopener">x</a>',
        '<a href="http://example.com">no rel</a>',
        '<a href="http://example.com" rel="nofollow ugc noopener" title="t">x</a>',
        "<h2>resource only</h2>",
        "<p>a<!-- comment --></p>",
    ):
        with pytest.raises(AssertionError):
            assert_safe(html, POST_TAGS)


# What members can do.


def test_emphasis_renders():
    assert (
        render_post("*calm* and **strong**") == "<p><em>calm</em> and <strong>strong</strong></p>\n"
    )


def test_lists_render_and_keep_their_start_number():
    assert render_post("- one\n- two") == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
    assert (
        render_post("3. three\n4. four") == '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n'
    )


def test_quotes_render():
    assert render_post("> you said this") == "<blockquote>\n<p>you said this</p>\n</blockquote>\n"


def test_code_shows_html_as_typed_escaped_once():
    expected = "<pre><code>&lt;b&gt; &amp;amp; http://example.com\n</code></pre>\n"
    assert render_post("```html\n<b> &amp; http://example.com\n```") == expected
    assert render_post("`<i>`") == "<p><code>&lt;i&gt;</code></p>\n"
    assert sanitise_post_html(expected) == expected


def test_links_get_rel_and_keep_their_address():
    assert render_post("[help](https://example.com/a?b=1&c=2)") == (
        '<p><a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc noopener">help</a></p>\n'
    )


def test_bare_urls_become_links():
    assert render_post("see https://example.com/x and www.example.com") == (
        '<p>see <a href="https://example.com/x" rel="nofollow ugc noopener">https://example.com/x</a>'
        ' and <a href="http://www.example.com" rel="nofollow ugc noopener">www.example.com</a></p>\n'
    )


def test_other_schemes_in_text_do_not_become_their_own_links():
    hrefs = re.findall(r'href="([^"]*)"', render_post("ftp://example.com irc://example.com"))
    assert hrefs == ["http://example.com", "http://example.com"]


def test_mailto_links_are_allowed():
    assert render_post("[write](mailto:team@example.com) <team@example.com>") == (
        '<p><a href="mailto:team@example.com" rel="nofollow ugc noopener">write</a>'
        ' <a href="mailto:team@example.com" rel="nofollow ugc noopener">team@example.com</a></p>\n'
    )


def test_relative_links_are_kept():
    assert render_resource("[sleep](/resources/sleep/)") == (
        '<p><a href="/resources/sleep/" rel="nofollow ugc noopener">sleep</a></p>\n'
    )


def test_unsafe_link_leaves_its_text():
    assert render_post("[x](javascript:alert(1))") == "<p>[x](javascript:alert(1))</p>\n"
    assert render_post("![pic](data:image/png;base64,AAAA)") == "<p>!pic</p>\n"


def test_mentions_link_to_the_given_page_outside_code_and_links():
    mentions = {"alice": "/accounts/members/alice/", "bob": "/accounts/members/bob/"}
    html = render_post(
        "hi @alice, a@bob.com `@bob` [@bob](https://example.com) @carol", mentions=mentions
    )
    assert html == (
        '<p>hi <a href="/accounts/members/alice/" rel="nofollow ugc noopener">@alice</a>,'
        " a@bob.com <code>@bob</code>"
        ' <a href="https://example.com" rel="nofollow ugc noopener">@bob</a> @carol</p>\n'
    )
    assert sanitise_post_html(html) == html
    assert render_post("@alice") == "<p>@alice</p>\n"


def test_a_mention_url_is_sanitised_like_any_link():
    html = render_post("@alice", mentions={"alice": "javascript:alert(1)"})
    assert html == "<p>@alice</p>\n"


def test_post_headings_start_at_h3():
    assert render_post("# One\n## Two\n### Three\n#### Four") == (
        "<h3>One</h3>\n<h3>Two</h3>\n<h3>Three</h3>\n<h4>Four</h4>\n"
    )
    assert render_post("Setext\n===") == "<h3>Setext</h3>\n"


def test_resource_headings_start_at_h2():
    assert (
        render_resource("# One\n## Two\n### Three")
        == "<h2>One</h2>\n<h2>Two</h2>\n<h3>Three</h3>\n"
    )


def test_resources_have_aligned_tables_and_posts_do_not():
    text = "| a | b |\n|:-|-:|\n| 1 | 2 |"
    html = render_resource(text)
    assert '<th align="left">a</th>' in html
    assert '<td align="right">2</td>' in html
    assert "<table>" not in render_post(text)


def test_resanitising_post_html_drops_resource_only_tags():
    html = sanitise_post_html("<h2>Title</h2><table><tr><td>x</td></tr></table>")
    assert re.sub(r"\s", "", html) == "Titlex"


def test_typed_angle_brackets_and_ampersands_show_as_text():
    assert render_post("A & B < C > D &copy; 5 <3") == (
        "<p>A &amp; B &lt; C &gt; D © 5 &lt;3</p>\n"
    )


def test_nul_and_control_characters_do_not_crash():
    html = render_post("a\x00b\x01c\x0bd\x1fe\x7f")
    assert html.startswith("<p>a\ufffdb")
    assert "\x00" not in html
    assert sanitise_post_html(html) == html


@pytest.mark.parametrize(
    "text",
    [
        "calm words " * 2000,
        "> " * 1000 + "deep",
        "- " * 1000 + "deep",
        "*a" * 10000,
        "[" * 20000,
        "[a](" * 5000,
        "<" * 20000,
        "example.com " * 2000,
    ],
    ids=["words", "quotes", "lists", "emphasis", "brackets", "links", "angles", "urls"],
)
def test_long_or_deeply_nested_input_renders_quickly(text):
    started = time.perf_counter()
    html = render_post(text)
    assert time.perf_counter() - started < 3
    assert html
    assert sanitise_post_html(html) == html
