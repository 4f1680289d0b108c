"""Keep pandas out of the run's own processes: pyarrow would import it on its first array, and the run never uses it."""

from __future__ import annotations

import importlib.abc
import sys


def keep_pandas_out() -> None:
    """Make pandas unimportable in this process, one of the run's own (a worker, the `extract` command).

    pyarrow imports pandas, when installed, on its first array built or converted (0.5 s and 52 MB
    in every such process) in case the values are pandas objects; the run never uses pandas, and
    pyarrow works on without it. Processes that may read the tables with pandas (tests, a user's
    program calling `run`) are left alone.
    """
    if "pandas" not in sys.modules and not any(isinstance(finder, _Without) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Without("pandas"))


class _Without(importlib.abc.MetaPathFinder):
    """An import finder under which one module cannot be imported."""

    def __init__(self, module: str) -> None:
        self.module = module

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == self.module:
            raise ModuleNotFoundError(f"{name} is kept out of this process", name=name)
        return None
