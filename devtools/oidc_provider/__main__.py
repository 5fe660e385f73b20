"""Migrate a fresh database, register Samen as a client and the invented citizens, and serve."""

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m devtools.oidc_provider", description=__doc__)
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--client-id", default="samen")
    parser.add_argument("--client-secret", default="samen-local-secret")
    parser.add_argument(
        "--redirect-uri",
        action="append",
        help="Samen's callback URL; repeat for several (default: Samen's on 127.0.0.1:8000 and localhost:8000)",
    )
    parser.add_argument("--data-dir", help="where the SQLite file goes (default: a new temporary folder)")
    args = parser.parse_args(argv)
    redirect_uris = args.redirect_uri or [
        f"http://{host}:8000/fr/account/verify/eid/callback/" for host in ("127.0.0.1", "localhost")
    ]

    # Our own settings and database, whatever the calling environment says (a test run sets Samen's).
    os.environ["DJANGO_SETTINGS_MODULE"] = "devtools.oidc_provider.settings"
    if args.data_dir:
        os.environ["OIDC_PROVIDER_DATA_DIR"] = args.data_dir
    import django
    from django.core.management import call_command

    django.setup()
    from devtools.oidc_provider.citizens import register

    call_command("migrate", verbosity=0, interactive=False)
    register(client_id=args.client_id, client_secret=args.client_secret, redirect_uris=redirect_uris)
    print(
        f"Discovery: http://127.0.0.1:{args.port}/o/.well-known/openid-configuration "
        f"(client {args.client_id!r}, redirect URIs {' '.join(redirect_uris)})",
        flush=True,
    )
    call_command("runserver", f"127.0.0.1:{args.port}", use_reloader=False, use_threading=True)


if __name__ == "__main__":
    sys.exit(main())
