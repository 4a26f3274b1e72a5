"""`alliance token create/list/revoke`: personal API tokens of a staff member."""

from __future__ import annotations

import click

from ._django import DATA_DIR_OPTION, configure_django
from ._output import fail


@click.group("token")
def command() -> None:
    """Create, list and revoke personal API tokens (`Authorization: Bearer TOKEN`)."""


def _user(username: str):
    from alliance.web.accounts.models import User

    found = User.objects.filter(username=username).first()
    if found is None:
        fail(f"USERNAME: no staff member is called {username!r}")
    return found


@command.command("create")
@click.argument("username")
@click.option("--name", default="", help="What the token is for.")
@click.option(
    "--expires-days", type=int, default=None, help="Days until it expires (default: never)."
)
@click.option("--read-only", is_flag=True, help="The token may read but not change data.")
@DATA_DIR_OPTION
def create(username: str, name: str, expires_days: int | None, read_only: bool, data_dir) -> None:
    """Create a token for USERNAME and print it once, alone on the last line."""
    configure_django(data_dir)
    from alliance.web.api.tokens import TokenError, issue
    from alliance.web.clinic.audit import record

    user = _user(username)
    try:
        token, plain = issue(user, name=name, expires_days=expires_days, read_only=read_only)
    except TokenError as problem:
        fail(str(problem))
    record(None, None, "api-token-created", token)
    expires = token.expires_at.strftime("%Y-%m-%d") if token.expires_at else "never"
    access = "read-only" if read_only else "read and write"
    click.echo(f"Token {token.pk} for {username} ({access}, expires {expires}); shown once:")
    click.echo(plain)


@command.command("list")
@click.argument("username")
@DATA_DIR_OPTION
def list_tokens(username: str, data_dir) -> None:
    """List USERNAME's tokens (never their values)."""
    configure_django(data_dir)
    tokens = list(_user(username).api_tokens.all())
    if not tokens:
        click.echo(f"{username} has no API tokens")
    for token in tokens:
        expires = token.expires_at.strftime("%Y-%m-%d") if token.expires_at else "never"
        access = "read-only" if token.read_only else "read-write"
        label = token.name or "-"
        click.echo(
            f"{token.pk}\t{token.prefix}…\t{token.state}\t{access}\texpires {expires}\t{label}"
        )


@command.command("revoke")
@click.argument("token_id", type=int)
@DATA_DIR_OPTION
def revoke(token_id: int, data_dir) -> None:
    """Revoke the token with this id (as `alliance token list` shows it)."""
    configure_django(data_dir)
    from alliance.web.api.models import ApiToken
    from alliance.web.api.tokens import revoke as revoke_token
    from alliance.web.clinic.audit import record

    token = ApiToken.objects.filter(pk=token_id).select_related("user").first()
    if token is None:
        fail(f"TOKEN_ID: no token has the id {token_id}")
    if not revoke_token(token):
        fail(f"TOKEN_ID: token {token_id} was already revoked")
    record(None, None, "api-token-revoked", token)
    click.echo(f"Token {token_id} of {token.user.username} is revoked.")
