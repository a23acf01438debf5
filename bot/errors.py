"""Domain errors: each is a tiny class whose docstring says what went wrong."""


class RoadmapError(Exception):
    """Base class for every error the bot reports to a person."""


class ParseError(RoadmapError):
    """A document could not be read as a roadmap."""

    def __init__(self, file: str, line: int | None, reason: str) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        where = f"{file}, line {line}" if line else file
        super().__init__(f"{where}: {reason}")


class InvalidFiscalYear(RoadmapError, ValueError):
    """Text that is not a fiscal year such as R7, 令和7年度, H31 or FY2025."""


class ProjectNotFound(RoadmapError):
    """No project matches the reference."""


class NotAuthorized(RoadmapError):
    """The user does not own the project they tried to update."""


class InvalidUpdate(RoadmapError):
    """An update's text, year or initiative is not acceptable."""
