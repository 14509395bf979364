"""Kense — a case register for a district department of employment and social programmes."""
from __future__ import annotations

__version__ = "0.1.0"
