"""Dataframe-library columns -> numpy arrays or lists (private).

The extension module calls :func:`to_array` only for objects whose type comes from
pandas, polars or pyarrow (and for numpy masked arrays), so none of those libraries is
imported unless the caller already passed one of its objects. Numeric columns without missing values come back
as numpy arrays of their own dtype (zero-copy where the library allows); columns with
missing values come back as float64 with NaN (= missing). Everything else is left for
the extension to accept or refuse with a TypeError.
"""

from __future__ import annotations

from typing import Any


def to_array(obj: Any, role: str = "scores") -> Any:
    """Convert a pandas / polars / pyarrow column to a numpy array or a list.

    >>> import pandas as pd
    >>> from cxmetrics._convert import to_array
    >>> to_array(pd.Series([1, None, 3], dtype="Int64")).tolist()
    [1.0, nan, 3.0]
    """
    root = type(obj).__module__.partition(".")[0]
    if root == "pandas":
        return _from_pandas(obj, role)
    if root == "polars":
        return _from_polars(obj, role)
    if root == "pyarrow":
        return _from_pyarrow(obj, role)
    if type(obj).__module__.startswith("numpy.ma"):
        return _from_masked(obj, role)
    raise TypeError(f"{role} of type {type(obj).__name__} are not supported")


def _bool_error(role: str) -> TypeError:
    return TypeError(
        f"{role} must be numbers, not booleans; convert with .astype(int) if 0/1 is meant"
    )


def _from_pandas(obj: Any, role: str) -> Any:
    import numpy as np
    import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

    if isinstance(obj, pd.DataFrame):
        return obj.to_numpy()  # 2-D: refused by the extension with a clear message
    if not hasattr(obj, "dtype") or not hasattr(obj, "to_numpy"):
        raise TypeError(f"{role} of type pandas.{type(obj).__name__} are not supported")
    dtype = obj.dtype
    if isinstance(dtype, np.dtype):
        if dtype.kind == "O":
            return _object_values(obj.to_numpy(), pd)
        return obj.to_numpy()  # int / float (zero-copy); bool and others refused downstream
    # Extension dtypes: nullable Int64 / Float64 / boolean, categorical, string, arrow ...
    kind = getattr(dtype, "kind", "O")
    if kind == "b":
        raise _bool_error(role)
    if kind in "iuf":
        if not bool(obj.isna().any()):
            numpy_dtype = getattr(dtype, "numpy_dtype", None)
            if numpy_dtype is not None:
                return obj.to_numpy(dtype=numpy_dtype)
        return obj.to_numpy(dtype="float64", na_value=np.nan)
    return _object_values(obj.to_numpy(dtype=object), pd)


def _object_values(values: Any, pd: Any) -> list[Any]:
    """An object array as a list, every pandas-missing value (None, NaN, NA, NaT) -> None."""
    missing = pd.isna(values).tolist()
    return [None if m else v for v, m in zip(values.tolist(), missing)]


def _from_polars(obj: Any, role: str) -> Any:
    import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]

    if isinstance(obj, pl.DataFrame):
        return obj.to_numpy()  # 2-D: refused by the extension
    if not isinstance(obj, pl.Series):
        raise TypeError(f"{role} of type polars.{type(obj).__name__} are not supported")
    if obj.dtype == pl.Boolean:
        raise _bool_error(role)
    if obj.dtype.is_numeric():
        # numeric without nulls: zero-copy; with nulls: float64 with NaN
        return obj.to_numpy()
    return obj.to_list()  # strings etc.: refused element-wise with a TypeError


def _from_masked(obj: Any, role: str) -> Any:
    """A numpy masked array: masked entries are missing (never their hidden data)."""
    import numpy as np

    if obj.dtype.kind == "b":
        raise _bool_error(role)
    if not np.ma.getmaskarray(obj).any():
        return np.ma.getdata(obj)  # nothing masked: the data itself, zero-copy
    return np.ma.filled(obj.astype(np.float64), np.nan)


def _from_pyarrow(obj: Any, role: str) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    if isinstance(obj, (pa.Array, pa.ChunkedArray)):
        if pa.types.is_boolean(obj.type):
            raise _bool_error(role)
        if pa.types.is_integer(obj.type) or pa.types.is_floating(obj.type):
            return obj.to_numpy(zero_copy_only=False)  # nulls -> NaN
        return obj.to_pylist()
    raise TypeError(f"{role} of type pyarrow.{type(obj).__name__} are not supported")
