"""The one kind of error the command line turns into a message and an exit code."""


class GeneratorError(Exception):
    """The user's input could not be used (exit code 1). The message says why and what to do."""
