"""Sending through an SMTP server: the `smtp` settings of kpss.yaml, the password (from the
environment or the system keyring, never from the archive), a rate limit, retries with
exponential backoff on temporary refusals (4xx) and on a broken connection, and a report of
what was sent, what the server refused and what is still pending."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable
from pathlib import Path

from ..core.config import Config
from ..core.errors import KpssError
from ..core.i18n import _
from ..core.names import slugify
from ..store.safefile import create_new
from .message import Outgoing

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (quick.py: every ms counts)
if TYPE_CHECKING:
    import smtplib
    from typing import Any

PASSWORD_VARIABLE = "KPSS_SMTP_PASSWORD"
KEYRING_SERVICE = "kpss-smtp"  # `keyring set kpss-smtp USER`
SECURITIES = {"starttls": 587, "ssl": 465, "none": 25}
KNOWN = {"host", "port", "security", "user", "from", "rate", "retries", "backoff", "timeout"}


class SmtpSettings:
    """The `smtp` mapping of kpss.yaml. (A plain class, not a dataclass: `kpss remind
    --dry-run` is on the quick path, and importing dataclasses takes some 10 ms.)"""

    __slots__ = ("host", "port", "security", "user", "sender", "rate", "retries", "backoff", "timeout")

    def __init__(
        self,
        *,
        host: str,
        port: int,
        security: str,
        user: str | None,
        sender: str,
        rate: float,
        retries: int,
        backoff: float,
        timeout: float,
    ) -> None:
        self.host = host
        self.port = port
        self.security = security
        self.user = user
        self.sender = sender  # the From header: an address, or `Name <address>`
        self.rate = rate  # messages per minute at most
        self.retries = retries  # tries after the first, per message, on a temporary failure
        self.backoff = backoff  # seconds before the first retry; doubled for each further one
        self.timeout = timeout

    @property
    def envelope_sender(self) -> str:
        """The bare address of the From header, for the SMTP envelope."""
        return _bare(self.sender)


def _bare(sender: str) -> str:
    start, end = sender.rfind("<"), sender.rfind(">")
    return sender[start + 1 : end].strip() if 0 <= start < end else sender.strip()


def smtp_settings(config: Config, *, required: bool, rate: float | None = None) -> SmtpSettings | None:
    """The SMTP settings of kpss.yaml (`rate`, when given, instead of its own); None when
    there are none and none are `required`."""
    data = config.extra.get("smtp")
    shown = config.path or "kpss.yaml"
    if data is None:
        if required:
            raise KpssError(
                _(
                    "kpss.yaml has no 'smtp' settings (host, port, security, user, from); "
                    "add them, or write the messages to a folder with --dry-run DIR"
                ),
                shown,
            )
        return None
    if not isinstance(data, dict):
        raise KpssError(_("'smtp' must be a mapping (host, port, security, user, from)"), shown)
    unknown = sorted(str(k) for k in data if k not in KNOWN)
    if unknown:
        raise KpssError(
            _("'smtp' has unknown keys: {unknown} (known: {known})").format(
                unknown=", ".join(unknown), known=", ".join(sorted(KNOWN))
            ),
            shown,
        )
    if "password" in data:  # (caught as unknown above; kept explicit for the message's sake)
        raise KpssError(_("the SMTP password never goes in kpss.yaml"), shown)
    host = str(data.get("host") or "").strip()
    if not host and required:
        raise KpssError(_("'smtp' needs a 'host'"), shown)
    security = str(data.get("security") or "starttls").lower()
    if security not in SECURITIES:
        raise KpssError(
            _("smtp security must be one of {securities}, not {security!r}").format(
                securities=", ".join(SECURITIES), security=security
            ),
            shown,
        )
    user = str(data["user"]).strip() if data.get("user") else None
    sender = str(data.get("from") or user or "").strip()
    if "@" not in sender:
        raise KpssError(_("'smtp' needs 'from', the address the messages come from"), shown)
    return SmtpSettings(
        host=host,
        port=_number(data, "port", SECURITIES[security], shown, int),
        security=security,
        user=user,
        sender=sender,
        rate=rate or _number(data, "rate", 30.0, shown, float),
        retries=_number(data, "retries", 3, shown, int),
        backoff=_number(data, "backoff", 5.0, shown, float),
        timeout=_number(data, "timeout", 60.0, shown, float),
    )


def _number(data: dict[str, Any], key: str, default: Any, shown: str, kind: Callable[[Any], Any]) -> Any:
    value = data.get(key)
    if value is None:
        return default
    try:
        number = kind(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0 or (key in ("port", "rate") and number == 0):
        raise KpssError(
            _("smtp {key} must be a positive number, not {value!r}").format(key=key, value=value), shown
        )
    return number


def smtp_password(settings: SmtpSettings) -> str | None:
    """The password of the SMTP user: KPSS_SMTP_PASSWORD, else the system keyring (with the
    optional `keyring` package); None when the server needs no login."""
    if settings.user is None:
        return None
    if password := os.environ.get(PASSWORD_VARIABLE):
        return password
    try:
        import keyring  # optional: pip install 'kpss[keyring]'
    except ImportError:
        keyring = None
    if keyring is not None:
        with contextlib.suppress(Exception):  # no usable keyring backend: same as no password
            found = keyring.get_password(KEYRING_SERVICE, settings.user)
            if found:
                return str(found)
    raise KpssError(
        _(
            "no password for the SMTP user {user}: set {password_variable}, or keep it in the system keyring (pip install 'kpss[keyring]', then `keyring set {keyring_service} {user}`)"
        ).format(user=settings.user, password_variable=PASSWORD_VARIABLE, keyring_service=KEYRING_SERVICE)
    )


class Delivery:
    """What became of a batch: sent, refused for good (pending), and not tried (pending)."""

    __slots__ = ("sent", "refused", "untried", "stopped", "to_fix")

    def __init__(self) -> None:
        self.sent: list[Outgoing] = []
        self.refused: list[tuple[Outgoing, str]] = []
        self.untried: list[Outgoing] = []
        self.stopped: str | None = None  # why the batch stopped early
        self.to_fix = False  # stopped by something the user must fix (the login refused), not by chance

    @property
    def pending(self) -> list[Outgoing]:
        """Every message left to send: the next run sends these."""
        return [item for item, _ in self.refused] + self.untried


class _Temporary(Exception):
    """A failure worth trying again: a 4xx reply, or the connection lost."""

    def __init__(self, reason: str, connection: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.connection = connection


def deliver(
    messages: list[Outgoing],
    settings: SmtpSettings,
    password: str | None,
    on_sent: Callable[[Outgoing], None],
    sleep: Callable[[float], None] = time.sleep,
) -> Delivery:
    """Send `messages` one by one, calling `on_sent` right after the server accepted each.

    A temporary failure (4xx, a broken connection) is tried again after `backoff` seconds,
    doubled each time, up to `retries` times; a message refused for good (5xx) is left pending
    and the next one goes on. When the server cannot be reached again, the batch stops and the
    rest stay pending. A message whose acceptance the server never confirmed counts as unsent:
    it may arrive twice, but never not at all."""
    import smtplib  # here: `kpss remind --dry-run` sends nothing (smtplib and ssl take 10 ms)

    result = Delivery()
    connection: smtplib.SMTP | None = None
    interval = 60.0 / settings.rate
    last = -interval
    try:
        for index, item in enumerate(messages):
            attempt = 0
            while True:
                try:
                    if connection is None:
                        connection = _connect(settings, password)
                    wait = last + interval - time.monotonic()
                    if wait > 0:
                        sleep(wait)
                    last = time.monotonic()
                    _send(connection, item, settings)
                except _Temporary as exc:
                    if exc.connection:
                        _drop(connection)
                        connection = None
                    if attempt < settings.retries:
                        sleep(settings.backoff * 2**attempt)
                        attempt += 1
                        continue
                    if exc.connection:
                        result.stopped = exc.reason
                        result.untried = messages[index:]
                        return result
                    result.refused.append((item, exc.reason))
                except _Permanent as exc:
                    result.refused.append((item, str(exc)))
                except KpssError as exc:  # the login refused: no use trying the rest
                    result.stopped, result.to_fix = str(exc), True
                    result.untried = messages[index:]
                    return result
                else:
                    result.sent.append(item)
                    try:
                        on_sent(item)
                    except KpssError as exc:  # sent, but not recorded: stop before sending more
                        result.stopped = _("sent to {address}, but not recorded: {exc}").format(
                            address=item.address, exc=exc
                        )
                        result.untried = messages[index + 1 :]
                        return result
                break
    finally:
        if connection is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                connection.quit()
    return result


class _Permanent(Exception):
    """The server refused the message for good (5xx)."""


def _reply(code: int, text: bytes | str) -> str:
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(said.split())}"


def _send(connection: smtplib.SMTP, item: Outgoing, settings: SmtpSettings) -> None:
    import smtplib

    try:
        connection.send_message(item.message, from_addr=settings.envelope_sender, to_addrs=[item.address])
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = next(iter(exc.recipients.values()))
        _raise(code, text)
    except smtplib.SMTPResponseException as exc:
        if exc.smtp_code in (421,):  # the server is closing the connection
            raise _Temporary(_reply(exc.smtp_code, exc.smtp_error), connection=True) from None
        _raise(exc.smtp_code, exc.smtp_error)
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise _Temporary(
            _("connection lost: {reason}").format(reason=exc or type(exc).__name__), connection=True
        ) from None


def _raise(code: int, text: bytes | str) -> None:
    if 400 <= code < 500:
        raise _Temporary(_reply(code, text), connection=False)
    raise _Permanent(_reply(code, text))


def _connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    """A connection to the server, secured and logged in as the settings say."""
    import smtplib
    import ssl

    try:
        connection: smtplib.SMTP
        if settings.security == "ssl":
            connection = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=ssl.create_default_context()
            )
        else:
            connection = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
            if settings.security == "starttls":
                connection.starttls(context=ssl.create_default_context())
        if settings.user is not None:
            connection.login(settings.user, password or "")
        return connection
    except smtplib.SMTPAuthenticationError as exc:
        raise KpssError(
            _("the SMTP server {host} refused the login of {user}: {smtp_code}").format(
                host=settings.host, user=settings.user, smtp_code=_reply(exc.smtp_code, exc.smtp_error)
            )
        ) from None
    except smtplib.SMTPResponseException as exc:
        if 400 <= exc.smtp_code < 500:
            raise _Temporary(_reply(exc.smtp_code, exc.smtp_error), connection=True) from None
        raise KpssError(
            _("the SMTP server {host}:{port} refused kpss: {smtp_code}").format(
                host=settings.host, port=settings.port, smtp_code=_reply(exc.smtp_code, exc.smtp_error)
            )
        ) from None
    except (smtplib.SMTPException, OSError) as exc:
        reason = _("cannot reach the SMTP server {host}:{port}: {reason}").format(
            host=settings.host, port=settings.port, reason=exc or type(exc).__name__
        )
        raise _Temporary(reason, connection=True) from None


def _drop(connection: smtplib.SMTP | None) -> None:
    import smtplib

    if connection is not None:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.close()


def write_eml(messages: list[Outgoing], folder: Path) -> list[Path]:
    """Write each message as an .eml file into `folder` (created when missing); never
    overwrite one: a folder holding a file of the same name is an error."""
    written = []
    for number, item in enumerate(messages, 1):
        name = f"{number:03d}-{item.kind}-{slugify(item.person) or 'person'}.eml"
        path = folder / name
        create_new(path, item.message.as_string(), str(path))
        written.append(path)
    return written


def now() -> dt.datetime:
    """The time now, in this computer's time zone (for the Date header and the sent-log)."""
    return dt.datetime.now().astimezone()
