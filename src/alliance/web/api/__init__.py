"""The REST API at /api/v1/ and the personal API tokens that open it."""
