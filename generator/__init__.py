"""Evidence Wall: turn the notes you already keep into a private website of proof."""

__version__ = "0.1.0"
