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
:func:`factorize_keys` turns segment key columns into integer codes and labels, and
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
        raise TypeError(f"{name} must be a column (a list, numpy array, pandas or polars column), not {type(obj).__name__}")
    return list(obj)


def _scale(min: int, max: int, labels: dict[str, int], missing: list[str]) -> Any:
    """Unpickles a labelled :class:`cxmetrics.Scale`."""
    from ._cxmetrics import Scale

    return Scale(min, max, labels=labels, missing=missing)


def _has_text(values: Any) -> bool:
    return any(isinstance(v, str) for v in values)


def _factorized(values: Any) -> tuple[list[Any], Any]:
    """(categories, int codes with -1 for missing) of an object / string array."""
    import sys

    import numpy as np

    if "pandas" in sys.modules:
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        return list(uniques.tolist() if hasattr(uniques, "tolist") else uniques), np.asarray(codes)
    index: dict[Any, int] = {}
    out = np.empty(len(values), dtype=np.int64)
    for i, v in enumerate(values.tolist() if hasattr(values, "tolist") else values):
        if v is None or (isinstance(v, float) and v != v):
            out[i] = -1
        else:
            out[i] = index.setdefault(v, len(index))
    return list(index), out


def text_column(obj: Any) -> tuple[list[Any] | None, Any] | None:
    """A column of text answers as ``(categories, codes)`` (codes: a numpy integer array,
    -1 for missing), each distinct answer once, for the extension to read on a scale's
    labels; ``(None, object array)`` for object columns, which the extension reads item
    by item (each distinct object once); ``None`` when the column holds no text (the
    numeric path takes it).

    pandas categoricals, polars Categorical / Enum and Arrow dictionary arrays keep
    their own categories and codes (zero-copy for pandas); string and object columns are
    factorised (``pandas.factorize`` when pandas is loaded).

    >>> from cxmetrics._convert import text_column
    >>> import numpy as np
    >>> cats, codes = text_column(np.array(["good", "bad", "good"]))
    >>> cats, codes.tolist()
    (['good', 'bad'], [0, 1, 0])
    """
    import numpy as np

    root = type(obj).__module__.partition(".")[0]
    if isinstance(obj, np.ndarray):
        if obj.ndim != 1:
            return None  # refused by the numeric path with its message
        if obj.dtype.kind == "S":
            obj = np.char.decode(obj, "utf-8")
        if obj.dtype.kind == "O":
            return (None, obj) if _has_text(obj.tolist()) else None
        if obj.dtype.kind != "U":
            return None
        return _factorized(obj)
    if root == "pandas":
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if not isinstance(obj, (pd.Series, pd.Index, pd.Categorical)):
            return None
        dtype = obj.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            cat = obj if isinstance(obj, pd.Categorical) else pd.Categorical(obj) if isinstance(obj, pd.Index) else obj.cat
            codes = np.ascontiguousarray(cat.codes)
            return list(dtype.categories.tolist()), codes
        if isinstance(dtype, np.dtype) and dtype.kind != "O":
            return None
        if isinstance(dtype, np.dtype) or pd.api.types.is_string_dtype(dtype):
            kind = pd.api.types.infer_dtype(obj, skipna=True)
            if kind in ("integer", "floating", "mixed-integer-float", "decimal", "boolean", "empty"):
                return None
            if isinstance(dtype, np.dtype):
                # object column: the extension reads the objects, each distinct one once
                values = obj.to_numpy()
                missing = pd.isna(values)
                if missing.any():
                    values = values.copy()
                    values[missing] = None
                return None, values
            codes, uniques = pd.factorize(obj, use_na_sentinel=True)
            return list(uniques.tolist()), np.asarray(codes)
        return None
    if root == "polars":
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if not isinstance(obj, pl.Series):
            return None
        dtype = obj.dtype
        if isinstance(dtype, pl.Enum):
            physical = obj.to_physical().cast(pl.Int64).fill_null(-1).to_numpy()
            return dtype.categories.to_list(), physical
        if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Categorical):
            text = obj.cast(pl.String)
            uniques = text.drop_nulls().unique(maintain_order=True)
            codes = text.replace_strict(
                uniques, pl.int_range(len(uniques), eager=True), default=None, return_dtype=pl.Int64
            ).fill_null(-1)
            return uniques.to_list(), codes.to_numpy()
        if dtype == pl.Object:
            values = obj.to_list()
            if not _has_text(values):
                return None
            return _factorized(np.asarray(values, dtype=object))
        return None
    if root == "pyarrow":
        import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

        if isinstance(obj, pa.ChunkedArray):
            t = obj.type
            if pa.types.is_dictionary(t):
                obj = obj.unify_dictionaries()
                dictionary = obj.chunk(0).dictionary if obj.num_chunks else pa.array([], t.value_type)
                indices = pa.chunked_array([c.indices for c in obj.chunks], t.index_type)
                return dictionary.to_pylist(), indices.cast(pa.int64()).fill_null(-1).to_numpy()
            obj = obj.combine_chunks() if obj.num_chunks != 1 else obj.chunk(0)
        if not isinstance(obj, pa.Array):
            return None
        t = obj.type
        if pa.types.is_dictionary(t):
            return obj.dictionary.to_pylist(), obj.indices.cast(pa.int64()).fill_null(-1).to_numpy(zero_copy_only=False)
        if pa.types.is_string(t) or pa.types.is_large_string(t) or getattr(pa.types, "is_string_view", lambda _: False)(t):
            enc = obj.dictionary_encode()
            return enc.dictionary.to_pylist(), enc.indices.cast(pa.int64()).fill_null(-1).to_numpy(zero_copy_only=False)
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
            raise TypeError("key values must be str or int, not bool; cast the column with .cast(pl.Int64) or .cast(pl.Utf8)")
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


def factorize_keys(by: Any) -> tuple[Any, list[tuple[Any, ...]], list[str]]:
    """Key columns -> (uint32 codes, one label tuple per code, key column names).

    One column is factorised with ``pandas.factorize`` (pandas objects, or lists and
    object arrays when pandas is loaded), ``numpy.unique(return_inverse=True)`` (numeric
    and string arrays) or a dict (lists); several columns are combined by mixed-radix
    codes. A missing key (None, NaN, NA) is an ``invalid_argument`` error with its index;
    values other than str and int are a TypeError.

    >>> from cxmetrics._convert import factorize_keys
    >>> codes, labels, names = factorize_keys(["b", "a", "b"])
    >>> codes.tolist(), labels, names
    ([0, 1, 0], [('b',), ('a',)], ['key'])
    """
    import numpy as np

    columns = _key_columns(by)
    per = [_factorize_one(c) for c in columns]
    lengths = [len(codes) for codes, _ in per]
    if len(set(lengths)) > 1:
        raise _error(
            "length_mismatch",
            f"by: key columns have different lengths ({', '.join(map(str, lengths))}); "
            "give one key per response in every column",
        )
    cleaned: list[list[Any]] = []
    for j, (codes, uniques) in enumerate(per):
        values = [_key_value(u) for u in uniques]
        bad = [k for k, v in enumerate(values) if v is None]
        missing = codes < 0
        if bad:
            missing |= np.isin(codes, bad)
        if missing.any():
            i = int(np.argmax(missing))
            where = f"column {j}, " if len(per) > 1 else ""
            raise _error(
                "invalid_argument",
                f"invalid argument `by`: the key at {where}index {i} is missing; fill it "
                "(e.g. 'unknown') or drop the row",
                i,
            )
        cleaned.append(values)
    names = _names(columns, by)
    if len(per) == 1:
        return per[0][0].astype(np.uint32), [(v,) for v in cleaned[0]], names
    sizes = [max(len(u), 1) for u in cleaned]
    if float(np.prod([float(s) for s in sizes])) < 2.0**62:
        combined = np.zeros(lengths[0] if lengths else 0, dtype=np.int64)
        for (codes, _), size in zip(per, sizes):
            combined = combined * size + codes
        uniques, inverse = np.unique(combined, return_inverse=True)
        labels = []
        for u in uniques.tolist():
            parts = []
            for values, size in zip(reversed(cleaned), reversed(sizes)):
                u, r = divmod(u, size)
                parts.append(values[r])
            labels.append(tuple(reversed(parts)))
        return inverse.reshape(-1).astype(np.uint32), labels, names
    codes, tuples = _dict_codes(list(zip(*(codes.tolist() for codes, _ in per))))
    labels = [tuple(values[c] for values, c in zip(cleaned, t)) for t in tuples]
    return codes.astype(np.uint32), labels, names


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
