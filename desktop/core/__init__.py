"""The domain core: cases, workflow, deadlines, IIN, catalogue. Imports neither Qt nor sqlite3."""
from __future__ import annotations
