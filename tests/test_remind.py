"""`kpss remind` against a real SMTP server (aiosmtpd on localhost, started here): the messages
are counted and parsed back; a second run sends none; a server that refuses every third message
or drops the connection mid-batch leaves the rest pending, and a good run then sends exactly
those, once."""

from __future__ import annotations

import email
import email.policy
import socket
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import icalendar
import pytest
from aiosmtpd.controller import Controller

from tests.conftest import Invoke, minutes, write

TODAY = "2026-11-05"  # the seniori meeting is on 2026-11-12, within 7 days


class Mailbox:
    """An SMTP handler that keeps what it accepts; `refuse` answers some DATA with an error,
    `drop_after` closes the connection at every DATA once it holds that many messages."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], bytes]] = []
        self.attempts = 0
        self.refuse: tuple[int, str] | None = None  # (every Nth attempt, reply)
        self.drop_after: int | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.attempts += 1
        if self.drop_after is not None and len(self.received) >= self.drop_after:
            server.transport.close()  # gone before it said the message was taken
            return "421 4.3.0 closing"
        if self.refuse and self.attempts % self.refuse[0] == 0:
            return self.refuse[1]
        self.received.append((list(envelope.rcpt_tos), bytes(envelope.original_content or envelope.content)))
        return "250 2.0.0 OK"

    def messages(self) -> list[EmailMessage]:
        return [
            email.message_from_bytes(data, policy=email.policy.default)  # type: ignore[misc]
            for _, data in self.received
        ]

    def reset(self) -> None:
        self.received.clear()
        self.attempts = 0
        self.refuse = None
        self.drop_after = None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[Mailbox, int]]:
    """A real SMTP server on an ephemeral port of localhost, for the whole module."""
    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


@pytest.fixture
def mailbox(server: tuple[Mailbox, int]) -> Mailbox:
    server[0].reset()
    return server[0]


CONFIG = """\
organisation: KPSS Testov
language: {language}
smtp:
  host: 127.0.0.1
  port: {port}
  security: none
  from: "KPSS Testov <kpss@testov.cz>"
  rate: 100000
  retries: 2
  backoff: 0.001
  timeout: 5
people:
  Olga Merglová: {{email: olga@testov.cz}}
  Pavel Kalous: pavel@testov.cz
groups:
  - slug: seniori
    name: Pracovní skupina Senioři
    place: Radnice, zasedací místnost
    time: "14:00-16:00"
    schedule:
      dates: [2026-09-10, 2026-11-12]
    members:
      - Olga Merglová
      - Ing. Pavel Kalous
      - {{name: Eva Malá, org: Charita, email: eva@charita.cz}}
      - Jan Bez Adresy
  - slug: rodina
    name: Pracovní skupina Rodina
    schedule:
      dates: [2026-12-10]
    members: [Olga Merglová]
"""

SEPTEMBER = minutes(
    """
group: Pracovní skupina Senioři
date: 2026-09-10
present: [Olga Merglová, Ing. Pavel Kalous, Eva Malá]
tasks:
  - {id: T1, task: Aktualizovat katalog poskytovatelů, owner: O. Merglová, due: 2026-11-08}
  - {id: T2, task: Zajistit sál na konferenci, owner: paní Merglovou, due: 2026-10-31}
  - {id: T3, task: Oslovit Charitu, owner: Ing. Kalous, due: 2026-11-10}
  - {id: T4, task: Připravit leták, owner: Jan Bez Adresy, due: 2026-11-09}
  - {id: T5, task: Daleko v budoucnu, owner: Olga Merglová, due: 2027-06-30}
  - {id: T6, task: Hotovo, owner: Olga Merglová, due: 2026-10-01, status: done}
"""
)


@pytest.fixture
def archive_at(tmp_path: Path, server: tuple[Mailbox, int]) -> Path:
    root = tmp_path / "mail-archive"
    write(root / "kpss.yaml", CONFIG.format(port=server[1], language="cs"))
    write(root / "seniori" / "2026-09-10.md", SEPTEMBER)
    return root


def remind(invoke: Invoke, root: Path, *args: str, env: dict[str, str] | None = None) -> Any:
    return invoke("remind", "--archive", str(root), "--as-of", TODAY, *args, env=env)


def _by_subject(messages: list[EmailMessage]) -> dict[str, list[EmailMessage]]:
    found: dict[str, list[EmailMessage]] = {}
    for message in messages:
        found.setdefault(str(message["Subject"]).split(":")[0].split(" –")[0], []).append(message)
    return found


def test_first_run_sends_reminders_and_invitations_second_run_none(
    invoke: Invoke, archive_at: Path, mailbox: Mailbox
) -> None:
    result = remind(invoke, archive_at)
    assert result.exit_code == 0, result.stderr
    # Reminders: Olga (T1 due, T2 overdue), Pavel (T3); Jan has no address.
    # Invitations to seniori on 2026-11-12: Olga, Pavel, Eva; Jan has none. Rodina is 35 days off.
    assert len(mailbox.received) == 5
    recipients = sorted(rcpt for rcpts, _ in mailbox.received for rcpt in rcpts)
    assert recipients == sorted(
        ["olga@testov.cz", "olga@testov.cz", "pavel@testov.cz", "pavel@testov.cz", "eva@charita.cz"]
    )
    assert "kpss: sent 5 messages (2 reminders, 3 invitations)" in result.stderr
    assert "no e-mail address for Jan Bez Adresy" in result.stderr
    assert "1 person without an e-mail address" in result.stderr

    grouped = _by_subject(mailbox.messages())
    reminders, invitations = grouped["Připomenutí úkolů"], grouped["Pozvánka na jednání"]
    olga = next(m for m in reminders if "olga@testov.cz" in str(m["To"]))
    assert str(olga["From"]) == "KPSS Testov <kpss@testov.cz>"
    assert olga["To"].addresses[0].display_name == "Olga Merglová"
    assert str(olga["Subject"]) == "Připomenutí úkolů: 1 po termínu, 1 s termínem do 7 dnů"
    assert olga["Date"] and olga["Message-ID"]
    text = olga.get_body(("plain",)).get_content()
    html = olga.get_body(("html",)).get_content()
    assert "Zajistit sál na konferenci" in text and "5 dní po termínu" in text
    assert "Aktualizovat katalog poskytovatelů" in text
    assert "Daleko v budoucnu" not in text and "Hotovo" not in text
    assert "<td>Zajistit sál na konferenci</td>" in html
    assert not list(olga.iter_attachments())

    eva = next(m for m in invitations if "eva@charita.cz" in str(m["To"]))
    assert str(eva["Subject"]) == "Pozvánka na jednání – Pracovní skupina Senioři, 12. 11. 2026"
    assert "12. listopadu 2026, 14:00-16:00" in eva.get_body(("plain",)).get_content()
    assert "Radnice, zasedací místnost" in eva.get_body(("html",)).get_content()
    (attachment,) = list(eva.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename() == "seniori-2026-11-12.ics"
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart").isoformat() == "2026-11-12T14:00:00+01:00"
    assert str(event["location"]) == "Radnice, zasedací místnost"
    # The UID `kpss schedule --format ics` gives the meeting (documents/ical.py).
    assert str(event["uid"]).startswith("meeting-seniori-2026-11-12-") and str(event["uid"]).endswith("@kpss")

    log = (archive_at / "kpss-sent.tsv").read_text(encoding="utf-8")
    assert "\ttask T2 2026-10-31 overdue\tolga@testov.cz\n" in log
    assert "\tmeeting seniori 2026-11-12\teva@charita.cz\n" in log

    again = remind(invoke, archive_at)
    assert again.exit_code == 0, again.stderr
    assert len(mailbox.received) == 5
    assert "kpss: sent 0 messages (0 reminders, 0 invitations); 5 sent before" in again.stderr
    # The sent-log is no minutes: the archive still loads without a word about it.
    assert "kpss-sent" not in invoke("check", "--archive", str(archive_at)).stderr


def test_a_new_deadline_is_reminded_again(invoke: Invoke, archive_at: Path, mailbox: Mailbox) -> None:
    assert remind(invoke, archive_at).exit_code == 0
    mailbox.reset()
    path = archive_at / "seniori" / "2026-09-10.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("due: 2026-11-10", "due: 2026-11-11"), encoding="utf-8"
    )
    result = remind(invoke, archive_at)
    assert result.exit_code == 0, result.stderr
    (message,) = mailbox.messages()
    assert str(message["To"]) == '"Ing. Pavel Kalous" <pavel@testov.cz>'
    assert "termín: 2026-11-11" in message.get_body(("plain",)).get_content()


@pytest.mark.parametrize(
    ("reply", "sent_first"),
    [("451 4.3.0 try again later", 5), ("554 5.7.1 not today", 4)],
    ids=["temporary", "permanent"],
)
def test_a_server_refusing_every_third_message(
    invoke: Invoke, archive_at: Path, mailbox: Mailbox, reply: str, sent_first: int
) -> None:
    mailbox.refuse = (3, reply)
    first = remind(invoke, archive_at)
    assert len(mailbox.received) == sent_first
    if sent_first == 5:  # a 4xx is tried again, after a backoff, and then goes through
        assert first.exit_code == 0, first.stderr
        return
    assert first.exit_code == 75
    assert "kpss: 1 message pending (1 refused, 0 not tried)" in first.stderr
    assert "554 5.7.1 not today" in first.stderr
    mailbox.reset()
    second = remind(invoke, archive_at)
    assert second.exit_code == 0, second.stderr
    assert len(mailbox.received) == 1
    assert "sent 1 message" in second.stderr and "4 sent before" in second.stderr
    third = remind(invoke, archive_at)
    assert third.exit_code == 0 and len(mailbox.received) == 1


def test_a_dropped_connection_leaves_the_rest_pending_then_a_good_run_sends_them_once(
    invoke: Invoke, archive_at: Path, mailbox: Mailbox
) -> None:
    mailbox.drop_after = 2
    first = remind(invoke, archive_at)
    assert first.exit_code == 75, first.stderr
    assert len(mailbox.received) == 2
    assert "kpss: sent 2 messages" in first.stderr
    assert "3 messages pending (0 refused, 3 not tried)" in first.stderr
    assert "connection lost" in first.stderr
    delivered = {(tuple(r), d.split(b"Message-ID")[0]) for r, d in mailbox.received}

    mailbox.reset()
    second = remind(invoke, archive_at)
    assert second.exit_code == 0, second.stderr
    assert len(mailbox.received) == 3
    everyone = sorted(r for rcpts, _ in mailbox.received for r in rcpts) + sorted(
        r for rcpts, _ in delivered for r in rcpts
    )
    assert sorted(everyone) == sorted(
        ["olga@testov.cz", "olga@testov.cz", "pavel@testov.cz", "pavel@testov.cz", "eva@charita.cz"]
    )
    mailbox.reset()
    assert remind(invoke, archive_at).exit_code == 0
    assert mailbox.received == []


def test_no_server_at_all_keeps_everything_pending(
    invoke: Invoke, archive_at: Path, mailbox: Mailbox
) -> None:
    config = archive_at / "kpss.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"port: {_port(config)}", f"port: {_free_port()}"),
        encoding="utf-8",
    )
    result = remind(invoke, archive_at)
    assert result.exit_code == 75
    assert "cannot reach the SMTP server 127.0.0.1" in result.stderr
    assert "5 messages pending (0 refused, 5 not tried)" in result.stderr
    assert not (archive_at / "kpss-sent.tsv").exists()


def _port(config: Path) -> str:
    return next(
        line.split(":")[1].strip()
        for line in config.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("port:")
    )


def test_dry_run_writes_eml_files_and_sends_nothing(
    invoke: Invoke, archive_at: Path, mailbox: Mailbox, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = remind(invoke, archive_at, "--dry-run", str(out))
    assert result.exit_code == 0, result.stderr
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 5 and all(name.endswith(".eml") for name in files)
    parsed = email.message_from_bytes((out / files[0]).read_bytes(), policy=email.policy.default)
    assert parsed["Subject"]
    assert mailbox.received == [] and not (archive_at / "kpss-sent.tsv").exists()
    again = remind(invoke, archive_at, "--dry-run", str(out))
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_to_me_sends_everything_to_one_address_and_records_nothing(
    invoke: Invoke, archive_at: Path, mailbox: Mailbox
) -> None:
    result = remind(invoke, archive_at, "--to-me", "me@example.org")
    assert result.exit_code == 0, result.stderr
    assert [r for r, _ in mailbox.received] == [["me@example.org"]] * 5
    assert all(str(m["To"]) == "me@example.org" for m in mailbox.messages())
    assert not (archive_at / "kpss-sent.tsv").exists()


def test_english_when_the_archive_is(invoke: Invoke, archive_at: Path, mailbox: Mailbox, server: Any) -> None:
    write(archive_at / "kpss.yaml", CONFIG.format(port=server[1], language="en"))
    assert remind(invoke, archive_at).exit_code == 0
    subjects = sorted(str(m["Subject"]) for m in mailbox.messages())
    assert "Task reminder: 1 overdue, 1 due within 7 days" in subjects
    assert "Invitation to the meeting – Pracovní skupina Senioři, 2026-11-12" in subjects


def test_without_smtp_settings_a_clear_error(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "plain"
    write(root / "kpss.yaml", "groups: [seniori]\n")
    result = remind(invoke, root)
    assert result.exit_code == 2
    assert "kpss: error: " in result.stderr and "no 'smtp' settings" in result.stderr


def test_the_password_never_comes_from_the_archive(invoke: Invoke, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.delenv("KPSS_SMTP_PASSWORD", raising=False)
    root = tmp_path / "pw"
    write(root / "kpss.yaml", "smtp: {host: 127.0.0.1, user: u@x.cz, from: u@x.cz, password: secret}\n")
    result = remind(invoke, root)
    assert result.exit_code == 2 and "unknown keys: password" in result.stderr


def test_the_rate_limit_spaces_the_messages(invoke: Invoke, archive_at: Path, mailbox: Mailbox) -> None:
    started = time.monotonic()
    result = remind(invoke, archive_at, "--rate", "1200")  # one message every 50 ms
    assert result.exit_code == 0, result.stderr
    assert len(mailbox.received) == 5
    assert time.monotonic() - started >= 4 * 0.05


def test_an_address_that_is_no_address_is_reported(
    invoke: Invoke, archive_at: Path, mailbox: Mailbox
) -> None:
    config = archive_at / "kpss.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("pavel@testov.cz", "pavel at testov"), encoding="utf-8"
    )
    result = remind(invoke, archive_at)
    assert result.exit_code == 0, result.stderr
    assert len(mailbox.received) == 3
    assert "'pavel at testov' is not an e-mail address" in result.stderr


def test_addresses_survive_the_index_snapshot(archive_at: Path) -> None:
    """The task snapshot keeps the configuration: the addresses come back out of it."""
    import marshal

    from kpss_cli.store.config import load_config
    from kpss_cli.store.packing import pack_config, unpack_config

    config = load_config(archive_at)
    assert config.emails == {
        "Olga Merglová": "olga@testov.cz",
        "Pavel Kalous": "pavel@testov.cz",
        "Eva Malá": "eva@charita.cz",
    }
    assert unpack_config(marshal.loads(marshal.dumps(pack_config(config)))) == config


def test_a_server_refusing_everything_for_a_while_leaves_all_pending(
    invoke: Invoke, archive_at: Path, mailbox: Mailbox
) -> None:
    mailbox.refuse = (1, "451 4.7.1 greylisted, come back later")
    result = remind(invoke, archive_at)
    assert result.exit_code == 75
    assert mailbox.attempts == 5 * 3  # the first try and 2 retries each
    assert "5 messages pending (5 refused, 0 not tried)" in result.stderr
    mailbox.reset()
    assert remind(invoke, archive_at).exit_code == 0
    assert len(mailbox.received) == 5


def test_login_with_the_password_from_the_environment(
    invoke: Invoke, archive_at: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    seen: list[tuple[bytes, bytes]] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        assert isinstance(data, LoginPassword)
        seen.append((data.login, data.password))
        return AuthResult(success=data.password == b"s3cret", handled=False)

    box = Mailbox()
    port = _free_port()
    controller = Controller(
        box, hostname="127.0.0.1", port=port, auth_require_tls=False, authenticator=authenticator
    )
    controller.start()
    try:
        config = archive_at / "kpss.yaml"
        text = config.read_text(encoding="utf-8").replace(f"port: {_port(config)}", f"port: {port}")
        config.write_text(
            text.replace("  security: none\n", "  security: none\n  user: kpss@testov.cz\n"), encoding="utf-8"
        )
        monkeypatch.delenv("KPSS_SMTP_PASSWORD", raising=False)
        missing = remind(invoke, archive_at)
        assert missing.exit_code == 2 and "no password for the SMTP user kpss@testov.cz" in missing.stderr
        wrong = remind(invoke, archive_at, env={"KPSS_SMTP_PASSWORD": "nope"})
        assert wrong.exit_code == 2 and "refused the login of kpss@testov.cz" in wrong.stderr
        assert box.received == []
        right = remind(invoke, archive_at, env={"KPSS_SMTP_PASSWORD": "s3cret"})
        assert right.exit_code == 0, right.stderr
        assert len(box.received) == 5
        assert seen[-1] == (b"kpss@testov.cz", b"s3cret")
    finally:
        controller.stop()


def test_a_second_run_at_the_same_time_sends_nothing(
    invoke: Invoke, archive_at: Path, mailbox: Mailbox, monkeypatch: Any
) -> None:
    import os

    from kpss_cli.store import safefile

    monkeypatch.setattr(safefile, "LOCK_WAIT", 0.2)
    lock = archive_at / ".kpss-sent.tsv.run-lock"
    lock.write_text(f"{socket.gethostname()} {os.getpid()}\n", encoding="utf-8")  # a live run
    result = remind(invoke, archive_at)
    assert result.exit_code == 2
    assert "kpss-sent.tsv is being changed by another kpss" in result.stderr
    assert mailbox.received == []
    lock.unlink()
    assert remind(invoke, archive_at).exit_code == 0
    assert len(mailbox.received) == 5
