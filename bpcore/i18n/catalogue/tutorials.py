"""placeholder"""

MESSAGES: dict[str, dict[str, str]] = {}
