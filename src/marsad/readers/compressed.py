"""Streams over gzip data that notice truncation instead of raising mid-read.

Python's `gzip` module raises `EOFError` from inside `read()` when a file is
cut short, and a consumer that reads ahead (fastwarc reads 64 KiB at a time)
loses every record it had already buffered. This stream hands out all the
data that could be decompressed, then reports end of file and remembers that
the end was premature, so readers can yield what came before and then report
the truncation.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024
_GZIP_WBITS = 16 + zlib.MAX_WBITS
# Text and WARC archives compress 3-10x, boilerplate-heavy HTML up to ~50x; a gzip bomb
# (a run of zeros) 1000x. Past this ratio, and past the floor, a stream is refused as a bomb
# within seconds instead of being inflated for minutes.
MAX_INFLATION = 100
INFLATION_FLOOR = 64 * 1024 * 1024


def inflation_error(compressed: int, inflated: int) -> str | None:
    """Why `inflated` bytes out of `compressed` look like a decompression bomb, or None."""
    if inflated > INFLATION_FLOOR and inflated > MAX_INFLATION * max(compressed, 1):
        return f"decompresses to over {MAX_INFLATION} times its size (a decompression bomb?)"
    return None


class GzipStream(io.RawIOBase):
    """A readable, non-seekable stream of the decompressed members of a gzip file.

    Closing it leaves `raw` open: whoever opened `raw` closes it (stdin must stay open).
    """

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self._inflater = zlib.decompressobj(_GZIP_WBITS)
        self._pending = b""
        self._finished = False
        self.truncated = False
        """True once the input ended inside a gzip member."""
        self.corrupt: str | None = None
        """zlib's message when the compressed data is damaged."""
        self._member_started = False
        self._compressed = 0
        self._inflated = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        size = len(buffer)
        while not self._pending and not self._finished:
            self._fill()
        chunk, self._pending = self._pending[:size], self._pending[size:]
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def _fill(self) -> None:
        compressed = self._inflater.unconsumed_tail
        if not compressed:
            compressed = self._raw.read(_CHUNK)
            self._compressed += len(compressed)
        if not compressed:
            try:
                # Output zlib held back at the size limit belongs before the end.
                self._pending += self._inflater.flush()
            except zlib.error as error:
                self.corrupt = str(error)
            # Input is exhausted: fine between members, premature inside one.
            self.truncated = self._member_started and not self._inflater.eof
            self._finished = True
            return
        self._inflate(compressed)

    def _inflate(self, data: bytes) -> None:
        while True:
            try:
                inflated = self._inflater.decompress(data, _CHUNK)
            except zlib.error as error:
                self.corrupt = str(error)
                self._finished = True
                return
            self._inflated += len(inflated)
            bomb = inflation_error(self._compressed, self._inflated)
            if bomb is not None:
                self.corrupt = bomb
                self._finished = True
                return
            self._pending += inflated
            self._member_started = True
            if not self._inflater.eof:
                return
            # Bytes after a member's end start the next member.
            data = self._inflater.unused_data
            self._inflater = zlib.decompressobj(_GZIP_WBITS)
            self._member_started = False
            if not data:
                return


def open_maybe_gzip(raw: BinaryIO, *, gzipped: bool) -> tuple[BinaryIO, GzipStream | None]:
    """A buffered binary stream over `raw`, decompressing when `gzipped`, and the decompressor."""
    if not gzipped:
        return raw, None
    stream = GzipStream(raw)
    return io.BufferedReader(stream, buffer_size=_CHUNK), stream


class ForwardStream:
    """A read-only stream that knows its position, for consumers that ask `tell()` (fastwarc).

    Pipes and decompressing streams cannot tell; counting the bytes handed out is enough
    because fastwarc only reads forward.
    """

    def __init__(self, inner: BinaryIO) -> None:
        self._inner = inner
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._inner.read(size)
        self._position += len(data)
        return data

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = offset if whence == io.SEEK_SET else self._position + offset
        if whence not in (io.SEEK_SET, io.SEEK_CUR) or target < self._position:
            raise io.UnsupportedOperation("this stream only reads forward")
        while self._position < target and self.read(min(target - self._position, _CHUNK)):
            pass
        return self._position

    def close(self) -> None:
        # Whoever opened the underlying stream closes it (stdin must stay open).
        pass
