"""The feed and sitemap crawler behind `marsad crawl`: polite fetching into a WARC file.

Needs the `crawl` extra (`pip install 'marsad[crawl]'`: httpx, defusedxml, Protego).
"""

from __future__ import annotations

from marsad.crawl.crawler import Crawler, CrawlOptions, CrawlStats
from marsad.crawl.fetch import USER_AGENT, FetchOptions
from marsad.crawl.state import ConditionalState
from marsad.crawl.warcwriter import WarcFile

__all__ = ["USER_AGENT", "ConditionalState", "CrawlOptions", "CrawlStats", "Crawler", "FetchOptions", "WarcFile"]
