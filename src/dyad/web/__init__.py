"""The web app: a JSON API and pages over a dyad database (``dyad serve``)."""
