"""Errors that name the input they came from, so a user can find and fix it."""

from __future__ import annotations

from collections.abc import Callable


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""


class InputError(MarsadError):
    """A page, line or archive record that could not be read.

    `origin` is ``path``, ``path:line`` or ``path#record``; the message says what is wrong.
    """

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


ErrorHandler = Callable[[InputError], None]


def raise_error(error: InputError) -> None:
    raise error
