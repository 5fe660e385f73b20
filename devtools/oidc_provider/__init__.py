"""A real OpenID Connect provider standing in for the federal one (FAS/CSAM) in tests and development.

It is a separate Django project on django-oauth-toolkit, never installed in production: `python -m
devtools.oidc_provider --port 8001 --redirect-uri http://127.0.0.1:8000/fr/account/verify/eid/callback/`.
"""
