"""The pipeline's own error types. Each has a stable `code` used in batch error records.

`parse_*` raises only these. The codes are a contract: batch writes them to errors.jsonl and
users filter on them, so a code is never renamed.
"""
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
    """Not a format we read: an image, a PDF, an office file, a ZIP or OLE file that is not HWPX/HWP."""
    code = "unsupported_format"


class Malformed(PipelineError):
    code = "malformed"


class Protected(PipelineError):
    """An HWP/HWPX document locked by its author: a password, DRM, or a distribution-only
    (배포용) copy, or an encrypted package entry; the text cannot be read without the key."""
    code = "protected"


class Unreadable(PipelineError):
    """The operating system would not give us the bytes (missing, a directory, no permission)."""
    code = "unreadable"


class NotAPressRelease(PipelineError):
    """Parsed, but the text is no release (a menu, a 404 page); batch records it as an error."""
    code = "not_a_press_release"


class WriteFailed(PipelineError):
    """Batch could not write an output (permission, full disk); the input itself may be fine."""
    code = "write_failed"


class WorkerCrashed(PipelineError):
    """The worker process died on this input (killed, out of memory, a crash in C code)."""
    code = "worker_crashed"


class OutputCollision(PipelineError):
    """Two inputs would be written to the same output file; the second is not written."""
    code = "output_collision"


class InternalError(PipelineError):
    code = "internal"


class TooCostly(PipelineError):
    """Batch stopped the input at its ceiling of CPU time (`--timeout`) or memory (`--memory`)."""
    code = "too_costly"


def printable_path(path: str) -> str:
    """A path as valid text. Python keeps a file name's undecodable bytes as lone surrogates,
    which no UTF-8 file can hold; such a name is written with each of those bytes as `\\xNN`
    and each backslash doubled, so `\\xNN` is never ambiguous and the bytes can be recovered
    (`bytes_of_printable`). Names that are valid UTF-8 come back unchanged."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        raw = path.encode("utf-8", "surrogateescape").replace(b"\\", b"\\\\")
    except UnicodeEncodeError:      # a surrogate no file name holds: written as \udXXX
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def is_escaped(path: str) -> bool:
    """Whether `printable_path` had to escape this path."""
    return printable_path(path) is not path


def bytes_of_printable(printable: str) -> bytes:
    """The file name's bytes back from an escaped `printable_path`."""
    import codecs
    return codecs.escape_decode(printable.encode("utf-8"))[0]
