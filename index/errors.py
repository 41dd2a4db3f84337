"""Errors raised by the ingest stages; rendered only by the CLI and the UI."""


class VacancyError(Exception):
    """Base class: the message says what went wrong and what to do next."""


class RejectedFile(VacancyError):
    """A file that cannot be ingested as a notice (empty, binary, too large, ...)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):  # it crosses from the process that reads files (index.budget)
        return type(self), (self.path, self.reason)


class IndexUnavailable(VacancyError):
    """The index cannot be opened or reached (e.g. the Chroma server is down)."""


class NoticeNotFound(VacancyError):
    """A NOTICE argument matched no notice, or several."""


class IndexBusy(IndexUnavailable):
    """Another process holds the index's write lock (an ingest is running)."""
