"""The one user-facing error type: input the tool cannot read, with the place it was found."""

from __future__ import annotations


class InputError(Exception):
    """Bad input (a facts file, a report, a config, a formula): the CLI prints it as one line and exits 2.

    A mismatch between figures is never an InputError; it is a finding.
    """

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line
        self.column = column

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None, int | None]]:
        # Raised in a worker process of a batch run, it crosses back to the parent whole.
        return (InputError, (self.path, self.message, self.line, self.column))

    def __str__(self) -> str:
        place = self.path
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return f"{place}: {self.message}"
