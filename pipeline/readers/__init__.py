"""Native readers for the Hangul word-processor formats (HWPX, HWP 5)."""
