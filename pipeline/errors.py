"""The pipeline's own error types. Each has a stable `code` used in batch error records."""
from __future__ import annotations


class PipelineError(Exception):
    """Base class: `code` is stable, the message names the file and the reason."""
    code = "internal"

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class EmptyInput(PipelineError):
    code = "empty_input"


class Undecodable(PipelineError):
    code = "undecodable"


class TooLarge(PipelineError):
    code = "too_large"


class UnsupportedFormat(PipelineError):
    code = "unsupported_format"


class Malformed(PipelineError):
    code = "malformed"


class InternalError(PipelineError):
    code = "internal"
