"""Settings shared by the property tests: few examples and no deadline (every example writes
real files), the same examples on every CI run (``derandomize``) and fresh ones elsewhere.
``FOLIO_PROPERTY_EXAMPLES=200`` runs a longer hunt."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

ON_CI = os.environ.get("CI") == "true"

PROPERTY = settings(
    max_examples=int(os.environ.get("FOLIO_PROPERTY_EXAMPLES", "10")),
    deadline=None,
    derandomize=ON_CI,
    database=None if ON_CI else settings.default.database,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
