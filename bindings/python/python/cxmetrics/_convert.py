"""Dataframe-library columns -> numpy arrays or lists, and back to frames (private).

The extension module calls :func:`to_array` only for objects whose type comes from
pandas, polars or pyarrow (and for numpy masked arrays), so none of those libraries is
imported unless the caller already passed one of its objects. Numeric columns without missing values come back
as numpy arrays of their own dtype (zero-copy where the library allows); columns with
missing values come back as float64 with NaN (= missing). Everything else is left for
the extension to accept or refuse with a TypeError.

:func:`instant_column` does the same for columns of instants (numpy ``datetime64``,
pandas / polars datetime columns) and :func:`values_list` for columns of labels.
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


_NAT = -(2**63)  # numpy's NaT as int64


def _datetime64(a: Any) -> tuple[Any, str]:
    """A numpy datetime64 array (or scalar) as contiguous int64 values and their unit
    (``s``, ``ms``, ``us`` or ``ns``); NaT stays ``-2**63``."""
    import numpy as np

    a = np.asarray(a)
    unit, count = np.datetime_data(a.dtype)
    if unit not in ("s", "ms", "us", "ns") or count != 1:
        a = a.astype("datetime64[ns]" if unit in ("ps", "fs", "as") else "datetime64[us]")
        unit = np.datetime_data(a.dtype)[0]
    return np.ascontiguousarray(a.reshape(-1).view(np.int64)), unit


def instant_column(obj: Any, name: str = "instants") -> tuple[Any, ...]:
    """A column of instants for the extension: ``("utc", int64 values, unit)`` for numpy
    datetime64 (read as UTC) and tz-aware pandas / polars columns, ``("naive", int64
    values, unit)`` for naive pandas / polars datetime columns (wall-clock readings), or
    ``("objects", list)`` for anything else (strings, datetimes; missing values -> None).

    >>> import numpy as np
    >>> from cxmetrics._convert import instant_column
    >>> kind, values, unit = instant_column(np.array(["2026-01-01T00:00:01"], dtype="datetime64[s]"))
    >>> kind, values.tolist(), unit
    ('utc', [1767225601], 's')
    """
    import numpy as np

    root = type(obj).__module__.partition(".")[0]
    if isinstance(obj, np.generic) or (isinstance(obj, np.ndarray) and obj.dtype.kind == "M"):
        if obj.dtype.kind != "M":
            raise TypeError(f"{name} must be instants, not numpy {obj.dtype}")
        if isinstance(obj, np.ndarray) and obj.ndim != 1:
            raise TypeError(f"{name} must be a one-dimensional column, not an array of shape {obj.shape}")
        return ("utc", *_datetime64(obj))
    if isinstance(obj, np.ndarray):
        if obj.ndim != 1:
            raise TypeError(f"{name} must be a one-dimensional column, not an array of shape {obj.shape}")
        if obj.dtype.kind in "biuf":
            raise TypeError(
                f"{name} must be instants (datetime64, datetimes or ISO strings with an offset), "
                f"not numbers of dtype {obj.dtype}: epoch numbers do not say their unit"
            )
        return ("objects", obj.tolist())
    if root == "pandas":
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if isinstance(obj, pd.DataFrame):
            raise TypeError(f"{name} must be one column, not a DataFrame")
        dtype = getattr(obj, "dtype", None)
        if isinstance(dtype, pd.DatetimeTZDtype) or (isinstance(dtype, np.dtype) and dtype.kind == "M"):
            index = pd.DatetimeIndex(obj)
            kind = "naive" if index.tz is None else "utc"
            return (kind, np.ascontiguousarray(index.asi8, dtype=np.int64), getattr(index, "unit", "ns"))
        if isinstance(obj, pd.Timestamp):
            return ("objects", [obj])
        values = obj.to_numpy(dtype=object) if hasattr(obj, "to_numpy") else np.asarray(obj, dtype=object)
        missing = pd.isna(values).tolist()
        return ("objects", [None if m else v for v, m in zip(values.tolist(), missing)])
    if root == "polars":
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if isinstance(obj, pl.DataFrame):
            raise TypeError(f"{name} must be one column, not a DataFrame")
        if isinstance(obj, pl.Series):
            dtype = obj.dtype
            if isinstance(dtype, pl.Datetime):
                kind = "naive" if dtype.time_zone is None else "utc"
                phys = obj.to_physical().fill_null(_NAT).to_numpy()
                return (kind, np.ascontiguousarray(phys, dtype=np.int64), dtype.time_unit)
            return ("objects", obj.to_list())
    if hasattr(obj, "__iter__") and not isinstance(obj, (str, bytes, dict)):
        return ("objects", list(obj))
    raise TypeError(
        f"{name} must be a column of instants (a list, numpy datetime64 array, pandas or "
        f"polars column), not {type(obj).__name__}"
    )


def values_list(obj: Any, name: str = "values") -> list[Any]:
    """A column of labels (str, int, None) as a list, every missing value -> None.

    >>> import pandas as pd
    >>> from cxmetrics._convert import values_list
    >>> values_list(pd.Series(["email", None, float("nan")]))
    ['email', None, None]
    """
    root = type(obj).__module__.partition(".")[0]
    if root == "pandas":
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if isinstance(obj, pd.DataFrame):
            raise TypeError(f"{name} must be one column, not a DataFrame")
        values = obj.to_numpy(dtype=object)
        missing = pd.isna(values).tolist()
        return [None if m else v for v, m in zip(values.tolist(), missing)]
    if root == "polars":
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if isinstance(obj, pl.DataFrame):
            raise TypeError(f"{name} must be one column, not a DataFrame")
        return list(obj.to_list())
    if root == "numpy" and hasattr(obj, "tolist"):
        if getattr(obj, "ndim", 1) != 1:
            raise TypeError(f"{name} must be a one-dimensional column")
        return list(obj.tolist())
    if isinstance(obj, (str, bytes, dict)) or not hasattr(obj, "__iter__"):
        raise TypeError(f"{name} must be a column (a list, numpy array, pandas or polars column), not {type(obj).__name__}")
    return list(obj)
