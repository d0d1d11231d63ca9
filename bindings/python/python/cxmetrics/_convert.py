"""Dataframe-library columns -> numpy arrays or lists, and back to frames (private).

The extension module calls :func:`to_array` only for objects whose type comes from
pandas, polars or pyarrow (and for numpy masked arrays), so none of those libraries is
imported unless the caller already passed one of its objects. Numeric columns without missing values come back
as numpy arrays of their own dtype (zero-copy where the library allows); columns with
missing values come back as float64 with NaN (= missing); pandas columns with a numeric
pyarrow dtype come back as their pyarrow ``ChunkedArray`` (the extension reads Arrow
data in place, nulls = missing). Polars Series and pyarrow arrays do not come here: the
extension reads them through the Arrow PyCapsule interface. Everything else is left for
the extension to accept or refuse with a TypeError.

:func:`instant_column` does the same for columns of instants (numpy ``datetime64``,
pandas / polars datetime columns) and :func:`values_list` for columns of labels.
:func:`key_columns` hands segment key columns to the extension as the engines store
them (the core's ``segments::keys`` gives each row its group in one pass; only inputs
without a typed layout, such as lists, are factorised first), and
:func:`to_frame` builds the pandas / polars frames of segment and trend tables.
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
    return TypeError(f"{role} must be numbers, not booleans; convert with .astype(int) if 0/1 is meant")


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
    if str(getattr(dtype, "pyarrow_dtype", "")) in _ARROW_NUMERIC and hasattr(obj, "array"):
        # int8[pyarrow], double[pyarrow] ...: the pyarrow ChunkedArray behind the Series,
        # read in place by the extension (nulls = missing)
        return obj.array.__arrow_array__()
    if kind in "iuf":
        if not bool(obj.isna().any()):
            numpy_dtype = getattr(dtype, "numpy_dtype", None)
            if numpy_dtype is not None:
                return obj.to_numpy(dtype=numpy_dtype)
        return obj.to_numpy(dtype="float64", na_value=np.nan)
    return _object_values(obj.to_numpy(dtype=object), pd)


# pyarrow type names of the numeric types the extension reads in place
_ARROW_NUMERIC = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float", "double"}


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


def _datetime64(a: Any) -> tuple[Any, str, int]:
    """A numpy datetime64 array (or scalar) as contiguous int64 values, their unit
    (``Y``, ``M``, ``W``, ``D``, ``h``, ``m``, ``s``, ``ms``, ``us``, ``ns``, ``ps``,
    ``fs`` or ``as``) and the unit's multiple (``datetime64[10s]``: 10); NaT stays
    ``-2**63``. The values are not converted here (numpy's ``astype`` between units
    wraps silently on overflow): the extension converts them with checked arithmetic."""
    import numpy as np

    a = np.asarray(a)
    unit, count = np.datetime_data(a.dtype)
    return np.ascontiguousarray(a.reshape(-1).view(np.int64)), unit, int(count)


def instant_column(obj: Any, name: str = "instants") -> tuple[Any, ...]:
    """A column of instants for the extension: ``("utc", int64 values, unit, multiple)``
    for numpy datetime64 (read as UTC) and tz-aware pandas / polars columns, ``("naive",
    int64 values, unit, multiple)`` for naive pandas / polars datetime columns (wall-clock
    readings), or
    ``("objects", list)`` for anything else (strings, datetimes; missing values -> None).

    >>> import numpy as np
    >>> from cxmetrics._convert import instant_column
    >>> kind, values, unit, multiple = instant_column(np.array(["2026-01-01T00:00:01"], dtype="datetime64[s]"))
    >>> kind, values.tolist(), unit, multiple
    ('utc', [1767225601], 's', 1)
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
            return (kind, np.ascontiguousarray(index.asi8, dtype=np.int64), getattr(index, "unit", "ns"), 1)
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
                return (kind, np.ascontiguousarray(phys, dtype=np.int64), dtype.time_unit, 1)
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
        raise TypeError(
            f"{name} must be a column (a list, numpy array, pandas or polars column), not {type(obj).__name__}"
        )
    return list(obj)


def _scale(min: int, max: int, labels: dict[str, int], missing: list[str]) -> Any:
    """Unpickles a labelled :class:`cxmetrics.Scale`."""
    from ._cxmetrics import Scale

    return Scale(min, max, labels=labels, missing=missing)


def text_column(obj: Any) -> tuple[str, Any, Any] | None:
    """How the extension reads a column of text answers, or ``None`` when the column holds
    no text (the numeric path takes it). Each form hands the column over as stored, for the
    extension to read each distinct answer once on a scale's labels:

    - ``("codes", categories, codes)``: a dictionary-encoded column (pandas categorical),
      its categories and its integer codes (-1 for missing), zero-copy;
    - ``("objects", text, array)``: a numpy object array of ``str`` / ``None`` / numbers
      (numpy object arrays, pandas object and python-storage ``string`` columns), read in
      place by object identity; ``text`` is true for a string dtype (text even when every
      row is missing), false when the column is text only if it holds a ``str``;
    - ``("arrow", None, column)``: an object exporting Arrow (``__arrow_c_stream__`` /
      ``__arrow_c_array__``) of string, large_string, string_view or dictionary type
      (pyarrow arrays, pandas pyarrow-backed strings, polars String / Categorical / Enum),
      read from its buffers without the GIL;
    - ``("physical", texts, codes)``: a polars Categorical / Enum as its physical codes
      (an unsigned integer Series, read through Arrow) and ``texts(rows)``, the texts at
      those rows (asked once, for the first row of each code that occurs);
    - ``("fixed", (itemsize, kind), bytes)``: a numpy ``U`` (UCS-4) or ``S`` array as its
      raw bytes (a ``uint8`` view), each distinct value decoded once.

    >>> from cxmetrics._convert import text_column
    >>> import numpy as np
    >>> kind, (size, code), raw = text_column(np.array(["good", "bad", "good"]))
    >>> kind, size, code, raw.size
    ('fixed', 16, 'U', 48)
    """
    import numpy as np

    root = type(obj).__module__.partition(".")[0]
    if isinstance(obj, np.ndarray):
        if obj.ndim != 1:
            return None  # refused by the numeric path with its message
        if obj.dtype.kind == "O":
            return "objects", False, obj
        if obj.dtype.kind in "US":
            if not obj.dtype.isnative:
                obj = obj.astype(obj.dtype.newbyteorder("="))
            raw = np.ascontiguousarray(obj).view(np.uint8)
            return "fixed", (obj.dtype.itemsize, obj.dtype.kind), raw
        return None
    if root == "pandas":
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if not isinstance(obj, (pd.Series, pd.Index, pd.Categorical)):
            return None
        dtype = obj.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            cat = (
                obj
                if isinstance(obj, pd.Categorical)
                else pd.Categorical(obj)
                if isinstance(obj, pd.Index)
                else obj.cat
            )
            codes = np.ascontiguousarray(cat.codes)
            return "codes", list(dtype.categories.tolist()), codes
        if isinstance(dtype, np.dtype):
            if dtype.kind != "O":
                return None
            # object column: the extension reads the objects (numbers go the numeric path)
            return "objects", False, obj.to_numpy()
        if pd.api.types.is_string_dtype(dtype):
            array = obj.array
            if hasattr(array, "__arrow_array__") and getattr(dtype, "storage", None) in ("pyarrow", "pyarrow_numpy"):
                return "arrow", None, array.__arrow_array__()
            values = getattr(array, "_ndarray", None)
            if not (isinstance(values, np.ndarray) and values.dtype.kind == "O" and values.ndim == 1):
                values = obj.to_numpy(dtype=object)
            return "objects", True, values
        return None
    if root == "polars":
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if not isinstance(obj, pl.Series):
            return None
        dtype = obj.dtype
        if isinstance(dtype, (pl.Categorical, pl.Enum)) or dtype in (pl.Categorical, pl.Enum):
            # the physical codes as stored; the text of a code is asked for once, by
            # the row where it first occurs (polars 2 has no public category list)
            return "physical", lambda rows: obj.gather(rows).cast(pl.String).to_list(), obj.to_physical()
        if dtype == pl.String:
            return "arrow", None, obj if hasattr(obj, "__arrow_c_stream__") else obj.to_arrow()
        if dtype == pl.Object:
            return "objects", False, np.asarray(obj.to_list(), dtype=object)
        return None
    if root == "pyarrow":
        import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if not isinstance(obj, (pa.Array, pa.ChunkedArray)):
            return None
        t = obj.type
        if (
            pa.types.is_dictionary(t)
            or pa.types.is_string(t)
            or pa.types.is_large_string(t)
            or getattr(pa.types, "is_string_view", lambda _: False)(t)
        ):
            return "arrow", None, obj
        return None
    return None


_ROW_FIELDS = {"n", "missing", "invalid", "share", "score", "lower", "upper", "low_n", "impact"}


def _error(code: str, message: str, index: int | None = None) -> Exception:
    """A ``CxMetricsError`` with ``.code`` and ``.index``, raised from Python."""
    from ._cxmetrics import CxMetricsError

    err = CxMetricsError(message)
    err.code = code
    err.index = index
    return err


def _is_column(obj: Any) -> bool:
    """Whether ``obj`` is a column (not a scalar key value)."""
    import numpy as np

    if isinstance(obj, (list, tuple, np.ndarray)):
        return True
    root = type(obj).__module__.partition(".")[0]
    if root == "pyarrow" or hasattr(obj, "__arrow_c_array__") or hasattr(obj, "__arrow_c_stream__"):
        return hasattr(obj, "__len__")
    return root in ("pandas", "polars") and hasattr(obj, "__len__")


def _key_columns(by: Any) -> list[Any]:
    """``by`` as a list of key columns: a DataFrame's columns, a list of columns, or one
    column."""
    root = type(by).__module__.partition(".")[0]
    if root == "pandas":
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if isinstance(by, pd.DataFrame):
            return [by[c] for c in by.columns]
    if root == "polars":
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if isinstance(by, pl.DataFrame):
            return list(by.get_columns())
    if isinstance(by, (list, tuple)) and by and all(_is_column(c) for c in by):
        return list(by)
    return [by]


def _names(columns: list[Any], given: Any) -> list[str]:
    """Frame column names for the key parts: the columns' own names when they are
    distinct strings that do not clash with the row fields, else ``key`` / ``key_i``."""
    names = [getattr(c, "name", None) for c in columns]
    if all(isinstance(n, str) and n and n not in _ROW_FIELDS for n in names) and len(set(names)) == len(names):
        return [str(n) for n in names]
    return ["key"] if len(columns) == 1 else [f"key_{i}" for i in range(len(columns))]


def _dict_codes(values: list[Any]) -> tuple[Any, list[Any]]:
    import numpy as np

    index: dict[Any, int] = {}
    try:
        codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int64, count=len(values))
    except TypeError as e:  # unhashable values
        raise TypeError(f"key values must be str or int ({e})") from None
    return codes, list(index)


def _factorize_one(col: Any) -> tuple[Any, list[Any]]:
    """One key column -> (int64 codes with -1 for missing, list of unique values)."""
    import sys

    import numpy as np

    root = type(col).__module__.partition(".")[0]
    if root == "pandas":
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        codes, uniques = pd.factorize(col)
        return np.asarray(codes, dtype=np.int64), list(uniques.tolist() if hasattr(uniques, "tolist") else uniques)
    if root == "polars":
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if col.dtype.is_integer() and col.null_count() == 0:
            col = col.to_numpy()
        elif col.dtype == pl.Boolean:
            raise TypeError(
                "key values must be str or int, not bool; cast the column with .cast(pl.Int64) or .cast(pl.Utf8)"
            )
        else:
            return _dict_codes(col.to_list())
    if isinstance(col, np.ndarray):
        if col.ndim != 1:
            raise TypeError(f"a key column must be one-dimensional, not an array of shape {col.shape}")
        kind = col.dtype.kind
        if kind in "iu" and col.size:
            # dense integer keys (ids, years, codes): O(n) with bincount instead of a sort
            lo, hi = int(col.min()), int(col.max())
            if hi - lo < max(1 << 20, 4 * col.size):
                shifted = col.astype(np.int64) - lo
                present = np.flatnonzero(np.bincount(shifted))
                remap = np.full(hi - lo + 1, -1, dtype=np.int64)
                remap[present] = np.arange(present.size)
                return remap[shifted], (present + lo).tolist()
        if kind in "iuUS":
            uniques, inverse = np.unique(col, return_inverse=True)
            return inverse.reshape(-1).astype(np.int64), uniques.tolist()
        if kind == "b":
            raise TypeError("key values must be str or int, not bool; use .astype(int) or .astype(str)")
        if kind != "O":
            raise TypeError(f"key values must be str or int, not {col.dtype}; integral floats need .astype(int)")
        if "pandas" in sys.modules:  # hash-based, straight from the object array
            import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

            codes, uniques = pd.factorize(col)
            return np.asarray(codes, dtype=np.int64), list(uniques.tolist())
        values = col.tolist()
    elif isinstance(col, (str, bytes, dict)) or not hasattr(col, "__iter__"):
        raise TypeError(f"by must be a key column (or a list of key columns), not {type(col).__name__}")
    else:
        values = list(col)
    if "pandas" in sys.modules:  # hash-based and fast; keeps 10 and "10" apart
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        codes, uniques = pd.factorize(np.asarray(values, dtype=object))
        return np.asarray(codes, dtype=np.int64), list(uniques.tolist())
    return _dict_codes(values)


def _key_value(v: Any) -> Any:
    """A unique key value as ``int`` / ``str``; ``None`` when it is missing."""
    import numpy as np

    if isinstance(v, (bool, np.bool_)):
        raise TypeError("key values must be str or int, not bool; use ints (0/1) or strings")
    if isinstance(v, str):
        return str(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if v is None or (isinstance(v, float) and v != v) or type(v).__name__ in ("NAType", "NaTType"):
        return None
    raise TypeError(f"key values must be str or int, not {type(v).__name__} ({v!r})")


def key_columns(by: Any) -> tuple[list[tuple[Any, ...]], list[str]]:
    """Key columns -> (one typed view per column, key column names), for the extension.

    Each view is read in place by the core (``segments::keys``), which hashes or
    tables the keys in one pass; nothing is factorised here:

    - ``("int", array, mask)``: a numpy integer array of any width (native byte order,
      contiguous), with a bool mask of missing rows or ``None`` (pandas nullable ints);
    - ``("codes", codes, labels)``: integer codes (negative = missing) and one ``int`` /
      ``str`` label per code (pandas ``Categorical``; the factorised fallback);
    - ``("ucs4", array, width)``: numpy ``<U{width}`` strings as ``uint32`` code points;
    - ``("object", array)``: a numpy object array (read under the GIL: its elements are
      Python objects, hashed by identity, each distinct object decoded once);
    - ``("arrow", obj)``: anything exporting Arrow (pyarrow arrays and chunked arrays,
      polars Series, pandas columns backed by pyarrow): integers, ``string`` /
      ``large_string`` / ``string_view`` and dictionary (categorical) arrays.

    >>> import numpy as np
    >>> from cxmetrics._convert import key_columns
    >>> views, names = key_columns(np.array([3, 1], dtype=np.int16))
    >>> views[0][0], views[0][1].dtype.name, names
    ('int', 'int16', ['key'])
    """
    columns = _key_columns(by)
    return [_key_view(c) for c in columns], _names(columns, by)


def _native(arr: Any) -> Any:
    import numpy as np

    if not arr.dtype.isnative:
        arr = arr.astype(arr.dtype.newbyteorder("="))
    return np.ascontiguousarray(arr)


def _key_view(col: Any) -> tuple[Any, ...]:
    """One key column -> its view for the extension (see :func:`key_columns`)."""
    import numpy as np

    root = type(col).__module__.partition(".")[0]
    if root == "pandas":
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if isinstance(col, (pd.Series, pd.Index)):
            dtype = col.dtype
            if isinstance(dtype, pd.CategoricalDtype):
                cat = col.array if isinstance(col, pd.Index) else col.cat
                categories = (col.categories if isinstance(col, pd.CategoricalIndex) else cat.categories).tolist()
                codes = col.codes if isinstance(col, pd.CategoricalIndex) else cat.codes
                labels = [_key_value(v) for v in categories]
                return ("codes", _native(np.asarray(codes)), labels)
            if isinstance(dtype, np.dtype):
                return _key_view(col.to_numpy())
            if hasattr(col.array, "__arrow_array__") and "pyarrow" in str(getattr(dtype, "storage", "pyarrow")):
                try:
                    return ("arrow", col.array.__arrow_array__())
                except Exception:
                    pass
            if pd.api.types.is_integer_dtype(dtype):
                mask = np.asarray(col.isna(), dtype=bool)
                values = col.to_numpy(dtype=dtype.numpy_dtype, na_value=0)
                return ("int", _native(values), mask if mask.any() else None)
            if pd.api.types.is_string_dtype(dtype):
                return ("object", col.to_numpy(dtype=object))
    elif root == "polars":
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if isinstance(col, pl.Series):
            if col.dtype == pl.Boolean:
                raise TypeError(
                    "key values must be str or int, not bool; cast the column with .cast(pl.Int64) or .cast(pl.Utf8)"
                )
            if col.dtype.is_integer() or col.dtype in (pl.String, pl.Categorical) or isinstance(col.dtype, pl.Enum):
                return ("arrow", col)
    elif isinstance(col, np.ndarray) and type(col) is np.ndarray:
        if col.ndim != 1:
            raise TypeError(f"a key column must be one-dimensional, not an array of shape {col.shape}")
        kind = col.dtype.kind
        if kind in "iu":
            return ("int", _native(col), None)
        if kind == "U" and col.dtype.itemsize >= 4:
            arr = _native(col)
            return ("ucs4", arr.view(np.uint32), arr.dtype.itemsize // 4)
        if kind == "O":
            return ("object", col)
    elif root == "pyarrow" or (hasattr(col, "__arrow_c_stream__") or hasattr(col, "__arrow_c_array__")):
        return ("arrow", col)
    codes, uniques = _factorize_one(col)
    labels = [_key_value(u) for u in uniques]
    missing = [k for k, v in enumerate(labels) if v is None]
    if missing:
        codes = np.where(np.isin(codes, missing), -1, codes)
    return ("codes", _native(np.asarray(codes, dtype=np.int64)), ["" if v is None else v for v in labels])


def to_frame(columns: dict[str, list[Any]], library: str) -> Any:
    """A pandas or polars DataFrame from columns; a clear ImportError when the library
    is not installed.

    >>> from cxmetrics._convert import to_frame
    >>> to_frame({"key": ["a"], "score": [None]}, "pandas").to_dict("list")
    {'key': ['a'], 'score': [nan]}
    """
    if library == "pandas":
        try:
            import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
        except ImportError as e:
            raise ImportError(
                "to_pandas() needs pandas, which is not installed; install it with "
                "pip install cxmetrics[pandas] (or pip install pandas)"
            ) from e
        frame = pd.DataFrame(columns)
        for name in ("score", "lower", "upper", "impact", "change", "p_value", "p_adjusted"):
            if name in frame and frame[name].dtype == object:
                frame[name] = frame[name].astype("float64")
        return frame
    try:
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as e:
        raise ImportError(
            "to_polars() needs polars, which is not installed; install it with "
            "pip install cxmetrics[polars] (or pip install polars)"
        ) from e
    return pl.DataFrame(columns, strict=False)
