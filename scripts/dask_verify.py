"""Example (run by hand): an archive of report folders checked as a Dask bag, the way one spreads it over machines.

The check of one report is a pure function of its folder (`engine.check_folder`), so it maps onto any engine that
maps a function over a list. Here `dask.bag` runs it on this machine's processes; pointed at a
`dask.distributed` cluster (`Client("scheduler:8786")` before `compute`), the same code runs on many machines.
Each report's JSON piece is rendered where it was checked, and the pieces are joined in folder order into the
document `laibin-check verify --format json` writes (without waivers: apply them as verify does if you use them).

dask is not a dependency of laibin-check:  pip install "dask[bag]"

    python scripts/dask_verify.py FACTS_DIR [--partitions 8] > run.json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def check_one(folder: str) -> tuple[str, Any]:
    """One folder's JSON piece and the numbers the document's summary adds up."""
    from laibin_check import __version__, engine
    from laibin_check.reporters import RenderOptions, open_stream

    result = engine.check_folder((Path(folder), engine.Settings()))
    piece = open_stream("json", RenderOptions(), __version__).piece(result)
    return piece.data, piece.numbers


def main() -> None:
    import dask.bag as db

    from laibin_check import __version__, engine
    from laibin_check.reporters import Piece, RenderOptions, add_numbers, open_stream

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("facts", type=Path)
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    folders = [str(f) for f in engine.report_folders(args.facts)]
    bag = db.from_sequence(folders, npartitions=min(args.partitions, len(folders)))
    results = bag.map(check_one).compute(scheduler="processes")  # a bag keeps its order
    stream = open_stream("json", RenderOptions(), __version__)
    pieces = [Piece(data, numbers) for data, numbers in results]
    totals = add_numbers({"reports": len(pieces)}, pieces)
    out = sys.stdout.buffer  # pieces are UTF-8 bytes, as verify writes them
    out.write(stream.head(totals).encode("utf-8"))
    out.write(stream.separator.encode("utf-8").join(stream.lead.encode("utf-8") + p.data for p in pieces))
    out.write(((stream.closing if pieces else "") + stream.tail(totals)).encode("utf-8"))


if __name__ == "__main__":
    main()
