"""Subkeys shipped to engine workers: rebuilt equal, shown by id only, record ids by position."""

from __future__ import annotations

import pickle
from typing import Any

import pyarrow as pa

from safelink.keys import Keyring
from safelink.keys.shipping import KeyShipment, ship_subkeys

PURPOSES = ["link:nhs_number", "link:name"]


class _Broadcast:
    """Stands in for a Spark broadcast: holds a value, pickles to an id (as PySpark's does)."""

    def __init__(self, value: Any) -> None:
        self.value = value
        self.destroyed = False

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (str, ("broadcast-id-1",))

    def destroy(self) -> None:
        self.destroyed = True


class _Context:
    def broadcast(self, value: Any) -> _Broadcast:
        return _Broadcast(value)


class _Session:
    sparkContext = _Context()  # noqa: N815 (PySpark's name)


def _shipped(keyring: Keyring) -> KeyShipment:
    return ship_subkeys(_Session(), keyring.namespace_key("link"), PURPOSES)


def test_ship_subkeys_rebuilt_subkeys_make_the_same_tokens(keyring: Keyring) -> None:
    shipment = _shipped(keyring)
    values = pa.array(["9434765919", None, "SMITH"])
    for purpose, subkey in shipment.subkeys().items():
        expected = keyring.namespace_key("link").subkey(purpose).tokens(values)
        assert subkey.tokens(values).equals(expected)
    assert set(shipment.subkeys()) == set(PURPOSES)


def test_key_shipment_repr_and_pickle_hold_no_key_bytes(keyring: Keyring) -> None:
    shipment = _shipped(keyring)
    material = [
        getattr(keyring.namespace_key("link").subkey(p), "_SubKey__material")  # noqa: B009
        for p in PURPOSES
    ]
    pickled = pickle.dumps(shipment)
    for secret in material:
        assert secret not in pickled
        assert secret.hex() not in repr(shipment)
    assert "link:nhs_number" in repr(shipment) and shipment.key_id in repr(shipment)
    shipment.destroy()
    assert shipment._broadcast.destroyed


def test_key_shipment_record_ids_stable_by_position_and_distinct(keyring: Keyring) -> None:
    shipment = _shipped(keyring)
    first = shipment.record_ids(3, 0, 5)
    assert shipment.record_ids(3, 2, 3).equals(first.slice(2))  # same rows, same ids
    others = shipment.record_ids(4, 0, 5)
    ids = first.to_pylist() + others.to_pylist()
    assert len(set(ids)) == 10
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
    # A new run (a new shipment) has a new record-id key.
    assert not _shipped(keyring).record_ids(3, 0, 5).equals(first)
