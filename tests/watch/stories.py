"""Hand-written pages and feeds for the watch tests: each story differs enough not to be a near-duplicate."""
from __future__ import annotations

from servers import FeedServer, Page

PLACES = ("Kaduna", "Zaria", "Kafanchan", "Birnin Gwari", "Kachia", "Zonkwa", "Saminaka", "Makarfi", "Ikara",
          "Giwa", "Soba", "Lere")


def story_day(n: int) -> int:
    """Stories a week apart make incidents of their own (the stand-in coder dates events by publication)."""
    return 1 + (7 * n) % 28


def story_html(n: int) -> str:
    place = PLACES[n % len(PLACES)]
    paragraphs = [f"Gunmen killed several villagers near {place} on Tuesday night, officials said in report {n}."]
    paragraphs += [f"Witness {n}-{k} told reporters that the attackers came on motorcycles from the east."
                   for k in range(12)]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Raid {n}</title>"
            f"<meta property='article:published_time' content='2024-05-{story_day(n):02d}T08:00:00Z'></head>"
            f"<body><article><h1>Raid {n}</h1>{body}</article></body></html>")


def rss(server: FeedServer, numbers: list[int], *, title: str = "Courier") -> bytes:
    items = "".join(f"<item><title>Raid {n}</title><link>{server.url(f'/story/{n}')}</link><guid>story-{n}</guid>"
                    f"<pubDate>{story_day(n):02d} May 2024 08:00:00 GMT</pubDate></item>" for n in numbers)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{server.base}</link><description>news</description>{items}</channel></rss>").encode()


def publish(server: FeedServer, path: str, numbers: list[int], *, etag: str) -> None:
    """Serve a feed of these stories at ``path`` (and each story's page)."""
    for n in numbers:
        server.pages[f"/story/{n}"] = Page(story_html(n).encode())
    server.pages[path] = Page(rss(server, numbers), content_type="application/rss+xml", etag=etag)


def sitemap(server: FeedServer, numbers: list[int]) -> bytes:
    urls = "".join(f"<url><loc>{server.url(f'/story/{n}')}</loc><lastmod>2024-05-14</lastmod></url>"
                   for n in numbers)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


XML_BOMB = (b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "aaaaaaaaaa">\n'
            + b"".join(b'<!ENTITY %s "%s">\n' % (chr(98 + k).encode(), (b"&" + chr(97 + k).encode() + b";") * 10)
                       for k in range(9))
            + b']>\n<rss version="2.0"><channel><title>&j;</title></channel></rss>')
