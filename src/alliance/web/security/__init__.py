"""Security around the clinical record: response headers, login checks, the audit page, subject
access and erasure (docs/security.md)."""
