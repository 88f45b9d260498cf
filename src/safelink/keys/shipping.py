"""Subkeys shipped to an engine's workers (Spark executors), never into a plan, expression or log.

An engine that tokenises on other machines needs the subkeys there, to run the same native
HMAC (:meth:`safelink.keys.SubKey.tokens`) the local engine runs. :func:`ship_subkeys` puts
their bytes, and a fresh random per-run key for record ids, into one Spark broadcast variable:
pickled bytes in Spark's block manager, which Spark never prints. No key is ever a literal, a
column or an argument of a SQL expression, so ``explain()``, the Spark UI, the event log and the
logs show none (``tests/spark/test_spark_key_hiding.py`` searches them all). The
:class:`KeyShipment` handle that travels in the Arrow map's closure holds only the broadcast's
id; executors rebuild :class:`~safelink.keys.SubKey` objects from it. The driver destroys the
broadcast (and PySpark's temporary file of it) when the run ends.

Only this module and :mod:`safelink.keys.symmetric` touch key bytes.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from safelink.keys._hmac import hmac_hex_array
from safelink.keys.symmetric import NamespaceKey, SubKey

_RECORD_KEY = ""  # not a valid purpose, so it never collides with one
RECORD_ID_BYTES = 16
"""Record ids are 128-bit values (32 hex characters), as the local engine's random ones."""


class KeyShipment:
    """A handle to subkeys broadcast to the executors; shows only ids and purposes.

    Attributes:
        key_id: the namespace key's id.
        purposes: the purposes shipped.

    """

    __slots__ = ("_broadcast", "key_id", "purposes")

    def __init__(self, broadcast: Any, key_id: str, purposes: tuple[str, ...]) -> None:
        self._broadcast = broadcast
        self.key_id = key_id
        self.purposes = purposes

    def __repr__(self) -> str:
        return f"KeyShipment(key_id={self.key_id!r}, purposes={list(self.purposes)!r})"

    def __getstate__(self) -> tuple[Any, str, tuple[str, ...]]:
        # Pickles to the broadcast's id (PySpark's Broadcast pickles that way), never to bytes.
        return self._broadcast, self.key_id, self.purposes

    def __setstate__(self, state: tuple[Any, str, tuple[str, ...]]) -> None:
        self._broadcast, self.key_id, self.purposes = state

    def subkeys(self) -> dict[str, SubKey]:
        """The shipped subkeys, rebuilt where this runs (an executor), by purpose."""
        material: dict[str, bytes] = self._broadcast.value
        return {
            purpose: SubKey(material[purpose], purpose, self.key_id) for purpose in self.purposes
        }

    def record_ids(self, partition: int, start: int, count: int) -> pa.Array:
        """Record ids of rows ``start .. start + count - 1`` of a partition.

        HMAC-SHA256 under the per-run key of ``"partition:row"``: unpredictable without the
        key (which dies with the run), and the same if Spark computes the partition again, so
        the tokens and the content written by two Spark jobs agree.
        """
        rows = pa.array(np.arange(start, start + count, dtype=np.int64)).cast(pa.string())
        positions = pc.binary_join_element_wise(f"{partition}:", rows, "")
        run_key = self._broadcast.value[_RECORD_KEY]
        return hmac_hex_array(run_key, positions, length=RECORD_ID_BYTES)

    def destroy(self) -> None:
        """Remove the broadcast from the executors and the driver (call when the run ends)."""
        self._broadcast.destroy()


def ship_subkeys(spark: Any, key: NamespaceKey, purposes: Sequence[str]) -> KeyShipment:
    """Broadcast the subkeys of ``purposes`` and a fresh record-id key to a session's executors.

    Args:
        spark: the SparkSession.
        key: the namespace key the subkeys derive from.
        purposes: the key purposes the run's tokens use.

    Returns:
        The handle the executors' code reads the subkeys through; call
        :meth:`KeyShipment.destroy` when the run ends.

    """
    material = {purpose: key.subkey(purpose)._shipped_material() for purpose in purposes}
    material[_RECORD_KEY] = secrets.token_bytes(32)
    broadcast = spark.sparkContext.broadcast(material)
    del material
    return KeyShipment(broadcast, key.key_id, tuple(purposes))
