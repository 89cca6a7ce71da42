"""Hand-written inputs shared by the ingest tests."""
from __future__ import annotations

ARTICLE_PARAGRAPHS = (
    "Gunmen killed at least seven villagers in an overnight raid on a farming settlement, local officials "
    "said on Tuesday, in the latest attack in a region troubled by banditry.",
    "Residents said the attackers arrived on motorcycles shortly after midnight, set fire to several houses "
    "and fled into the surrounding forest before security forces arrived.",
    "A police spokesman said an investigation had begun and that reinforcements had been sent to the area "
    "to prevent reprisals between neighbouring communities.",
)


def article_html(*, title: str = "Gunmen kill seven in overnight raid", paragraphs=ARTICLE_PARAGRAPHS,
                 charset: str | None = "utf-8", date: str = "2024-05-14", site: str = "Daily Courier") -> str:
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>{meta_charset}
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T08:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>{title}</h1>
<p class="byline">By Staff Reporter</p>
{body}
</article></main>
<footer><p>Copyright 2024 {site}. All rights reserved.</p><p>Follow us on social media</p></footer>
</body></html>"""


NO_ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Index</title></head><body>
<nav><a href="/a">A</a> <a href="/b">B</a></nav><div>Subscribe</div></body></html>"""


def rss_feed(links: list[str], *, title: str = "Courier world news") -> str:
    items = "\n".join(
        f"<item><title>Story {n}</title><link>{link}</link><pubDate>Tue, 14 May 2024 08:00:00 GMT</pubDate>"
        f"<description>Teaser {n}</description></item>" for n, link in enumerate(links, start=1))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://example.invalid/</link>
<description>World news</description>
{items}
</channel></rss>"""


def atom_feed(links: list[str]) -> str:
    entries = "\n".join(
        f'<entry><title>Entry {n}</title><link href="{link}"/><id>urn:entry:{n}</id>'
        f"<updated>2024-05-14T08:00:00Z</updated></entry>" for n, link in enumerate(links, start=1))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:feed</id>
<updated>2024-05-14T08:00:00Z</updated>
{entries}
</feed>"""
