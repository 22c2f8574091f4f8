"""The version of the sync protocol between a desktop and its public host.

Every request names the version it speaks in the ``Koe-Sync-Protocol`` header
and every answer names the host's in the same header and in its JSON. Versions
are ``MAJOR.MINOR``: the same major works together (a newer minor only adds
fields the other side ignores); a different major refuses, and the message says
which side to update.

Endpoints, under ``/api/sync/v1`` (``Authorization: Bearer <key>``):

    GET  /status                      the host's id, version and newest change number
    PUT  /site                        publish what the pages show of the business
    PUT  /surveys/<slug>              publish one survey with its questions and status
    PUT  /deliveries                  publish delivery tokens {"deliveries": [...]}
    GET  /changes?since=N&limit=M     changes numbered above N, oldest first, paged
    POST /responses/delete            delete responses the owner deleted {"uids": [...]} (1.2)

Since 1.1 a desktop names itself (``Koe-Sync-Desktop``: its workspace's id)
and shows the checkpoint the host handed it last (``Koe-Sync-Checkpoint``).
Every successful PUT and page of changes answers with a new ``checkpoint``;
``/status`` says whether the host still knows the one shown
(``checkpoint_known``), and the other endpoints refuse with 409
``checkpoint`` when it does not: the host's file went back (a restored
backup), and the desktop publishes and pulls everything again
(storage.sync_host.knows_checkpoint).

Since 1.2 the host may email the owners' detractor alerts while the desktop
is off (storage.alert_claims): ``PUT /site`` carries ``alerts`` (whether the
host sends them, the owners who get them, thresholds, language, time zone),
each response of ``/changes`` says who emails its alert (``owner_alert``), and
``/status`` whether the host has an email server for them (``alert_email``:
ready, none or locked). Also since 1.2 each published question names the
version of its wording in force (``wording``), each answer in the changes
names the version it was given to, and the desktop names the responses the
owner deleted (``/responses/delete``).
"""

from __future__ import annotations

PROTOCOL_VERSION = "1.2"
# The first version whose host deletes the responses the owner deleted.
DELETES_RESPONSES = "1.2"

HEADER = "Koe-Sync-Protocol"
DESKTOP_HEADER = "Koe-Sync-Desktop"
CHECKPOINT_HEADER = "Koe-Sync-Checkpoint"
PREFIX = "/api/sync"
API = f"{PREFIX}/v1"


def major_of(version: str) -> int | None:
    """The major number of ``"1.0"``; None for text that is not a version."""
    head, _, tail = version.strip().partition(".")
    if not head.isdigit() or (tail and not tail.replace(".", "").isdigit()):
        return None
    return int(head)


def compatible(mine: str, theirs: str) -> bool:
    ours = major_of(mine)
    return ours is not None and ours == major_of(theirs)


def minor_of(version: str) -> int:
    """The minor number of ``"1.1"`` (0 when there is none or it is not a number)."""
    _, _, tail = version.strip().partition(".")
    head = tail.partition(".")[0]
    return int(head) if head.isdigit() else 0


def up_to_date(mine: str, theirs: str) -> bool:
    """Whether a host speaking ``theirs`` has everything a desktop speaking ``mine`` uses.

    A sync works with any host of the same major version (``compatible``), but a
    new connection asks for at least this app's minor version too: an older host
    lacks what the newer minor added (1.1: the checkpoints that tell a desktop
    its host's data went back, so that no answer is skipped after a restore;
    1.2: the host's alerts, deleting the responses the owner deleted, wording
    versions). ``up_to_date(DELETES_RESPONSES, host)`` asks the same of one feature.
    """
    return compatible(mine, theirs) and minor_of(theirs) >= minor_of(mine)


def mismatch_message(desktop: str, host: str) -> str:
    """Which side to update, in plain words, for two versions that do not work together."""
    desktop_major, host_major = major_of(desktop), major_of(host)
    if host_major is None:
        return (
            f"The host did not say which sync protocol it speaks (this app speaks {desktop}). "
            "Update Koe on the host."
        )
    if desktop_major is not None and host_major > desktop_major:
        return (
            f"The host runs a newer Koe (sync protocol {host}) than this app ({desktop}). "
            "Update the Koe app on this computer."
        )
    return (
        f"The host runs an older Koe (sync protocol {host}) than this app ({desktop}). "
        "Update Koe on the host."
    )
