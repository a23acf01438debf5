"""Domain errors: each is a tiny class whose docstring says what went wrong."""


class RoadmapError(Exception):
    """Base class for every error the bot reports to a person."""


class ParseError(RoadmapError):
    """A document could not be read as a roadmap."""

    def __init__(self, file: str, line: int | None, reason: str, key: str = "", **params) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        # A bot.messages key (and its values) when the reason can be said in the user's language.
        self.key = key
        self.params = params
        where = f"{file}, line {line}" if line else file
        super().__init__(f"{where}: {reason}")


class InvalidFiscalYear(RoadmapError, ValueError):
    """Text that is not a fiscal year such as R7, 令和7年度, H31 or FY2025."""


class UserError(RoadmapError):
    """A request a person made that cannot be done; carries a message key for the reply."""

    def __init__(self, key: str, **params) -> None:
        self.key = key
        self.params = params
        super().__init__(f"{key}: {params}" if params else key)


class ProjectNotFound(UserError):
    """No project matches the reference."""

    def __init__(self, key: str = "update_no_project", **params) -> None:
        super().__init__(key, **params)

    def __str__(self) -> str:  # the CLI shows this text as is
        return self.params.get("detail") or super().__str__()


class NotAuthorized(UserError):
    """The user does not own the project they tried to change."""


class InvalidUpdate(UserError):
    """An update's text, year, initiative or entry id is not acceptable."""


class UnknownPrefecture(RoadmapError, ValueError):
    """A prefecture name that is not one of the 47 (ROADMAP_PREFECTURE, --prefecture)."""


class InvalidPackage(UserError, ValueError):
    """The Teams app package cannot be built as configured (its app id, its manifest)."""


class CommandError(UserError):
    """A command-line request that cannot be done as typed (a path, a store, an edition)."""

    exit_code = 1


class UsageMistake(CommandError):
    """A command line written wrongly (a missing or bad argument): exit status 2, like click."""

    exit_code = 2


class StoreUnavailable(UserError):
    """The store cannot record anything now (disk full, read-only, damaged, replaced, busy);
    nothing of the request was recorded. The key says which, for the person and the log."""
