"""The crawl's job queues: round robin over hosts, one job per host at a time, join waits for new work too."""

from __future__ import annotations

import asyncio

import marsad.crawl
from marsad.crawl.schedule import HostQueues


def host(job: str) -> str:
    return job.split("/")[0]


def test_round_robin_over_hosts_one_job_per_host_at_a_time() -> None:
    async def scenario() -> list[list[str]]:
        queues: HostQueues[str] = HostQueues(host)
        for job in ["news/1", "news/2", "news/3", "weather/1", "sport/1", "weather/2"]:
            queues.put(job)
        rounds: list[list[str]] = []
        while True:
            taken: list[str] = []
            # Take every job that a free worker could get now, then finish them all.
            while queues._ready:
                taken.append(await queues.get())
            if not taken:
                return rounds
            rounds.append(taken)
            for job in taken:
                queues.done(job)

    assert asyncio.run(scenario()) == [
        ["news/1", "weather/1", "sport/1"],
        ["news/2", "weather/2"],
        ["news/3"],
    ]


def test_join_waits_for_jobs_put_while_working() -> None:
    async def scenario() -> list[str]:
        queues: HostQueues[str] = HostQueues(host)
        finished: list[str] = []

        async def worker() -> None:
            while True:
                job = await queues.get()
                await asyncio.sleep(0)
                if job == "feeds/rss":
                    # A feed job finds pages on two other hosts.
                    queues.put("news/park")
                    queues.put("weather/rain")
                finished.append(job)
                queues.done(job)

        queues.put("feeds/rss")
        workers = [asyncio.create_task(worker()) for _ in range(2)]
        await queues.join()
        for task in workers:
            task.cancel()
        return finished

    assert sorted(asyncio.run(scenario())) == ["feeds/rss", "news/park", "weather/rain"]


def test_package_exports() -> None:
    assert set(marsad.crawl.__all__) == {
        "USER_AGENT",
        "ConditionalState",
        "CrawlOptions",
        "CrawlStats",
        "Crawler",
        "FetchOptions",
        "WarcFile",
    }
    assert all(hasattr(marsad.crawl, name) for name in marsad.crawl.__all__)
    assert marsad.crawl.USER_AGENT.startswith("marsad/")
