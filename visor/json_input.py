"""Reading the JSON a client sends (a request body, a WebSocket message) as this service does:
UTF-8 only, JSON's own values only (not NaN or Infinity, which Python's decoder reads), and every
way Python's decoder can fail is a BAD_REQUEST saying what is wrong."""

from __future__ import annotations

import json

from visor.request_errors import bad_request

MAX_INT_DIGITS = 4300
"""Python's own limit on the digits of an integer it converts from text."""


def loads(data: str | bytes) -> object:
    """The JSON value in `data`; raises json.JSONDecodeError for text that is not JSON (the
    caller words that one) and RequestError for the rest."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise bad_request(
                f"The request is not valid UTF-8 (byte {exc.start} cannot start or continue "
                "a character)."
            ) from None
    else:
        text = data
    try:
        return json.loads(text, parse_constant=_not_json)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise bad_request("The JSON is nested too deeply to read.") from None
    except ValueError:
        # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        raise bad_request(
            f"The JSON holds a number of more than {MAX_INT_DIGITS} digits."
        ) from None


def _not_json(constant: str) -> object:
    """Python's decoder reads NaN, Infinity and -Infinity; JSON has no such values."""
    raise bad_request(f"The JSON holds {constant}, which is not a JSON value.")


def kind(value: object) -> str:
    """How a JSON value is called, for messages: `null`, `a string`, `a number`, ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
