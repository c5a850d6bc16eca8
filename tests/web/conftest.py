"""The archive the web tests read: examples/ plus the pages of webfixtures, built once per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webfixtures import example_archive

from marsad.web.app import create_app


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_archive(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(archive_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(archive_path))) as test_client:
        yield test_client
