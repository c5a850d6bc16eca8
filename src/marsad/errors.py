"""Errors that name the input they came from, so a user can find and fix it."""

from __future__ import annotations

from collections.abc import Callable


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""


class InputError(MarsadError):
    """A page, line or archive record that could not be read.

    `origin` is ``path``, ``path:line`` or ``path#record``; the message says what is wrong;
    `stage` names the step that met it (`read`, `prepare`, `templates`, `extract`, `enrich`,
    `write`, `store`) when one did.
    """

    def __init__(self, origin: str, message: str, *, stage: str | None = None) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message
        self.stage = stage

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only `stage` must survive the trip from a worker process.
        return (_rebuild_input_error, (self.origin, self.message, self.stage))


def _rebuild_input_error(origin: str, message: str, stage: str | None) -> InputError:
    return InputError(origin, message, stage=stage)


class InputWarning(InputError):
    """Something in a page that was left out or repaired while the page itself was read (a
    publication date in no known form): reported, never counted as a page lost."""


class StageFailed(MarsadError):
    """An unexpected exception in one stage of one page's extraction, with the stage named."""

    def __init__(self, stage: str, error: BaseException) -> None:
        super().__init__(f"{stage} failed: {type(error).__name__}: {error}")
        self.stage = stage
        self.error = error

    def __reduce__(self) -> tuple[object, ...]:
        return (StageFailed, (self.stage, self.error))


class OverBudget(MarsadError):
    """A page took longer than its time budget, or is too large or deep to process within it."""

    def __init__(self, message: str = "over the page's time budget", *, stage: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.stage = stage

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_over_budget, (self.message, self.stage))


def _rebuild_over_budget(message: str, stage: str | None) -> OverBudget:
    return OverBudget(message, stage=stage)


def page_error(origin: str, error: BaseException, default_stage: str = "extract") -> InputError:
    """The report for a page whose extraction raised `error`, naming the stage it failed in."""
    if isinstance(error, InputError):
        return InputError(origin, error.message, stage=error.stage or default_stage)
    if isinstance(error, StageFailed):
        return InputError(
            origin, f"{error.stage} failed: {type(error.error).__name__}: {error.error}", stage=error.stage
        )
    if isinstance(error, OverBudget):
        return InputError(origin, error.message, stage=error.stage or default_stage)
    return InputError(origin, f"{default_stage} failed: {type(error).__name__}: {error}", stage=default_stage)


ErrorHandler = Callable[[InputError], None]


def raise_error(error: InputError) -> None:
    raise error
