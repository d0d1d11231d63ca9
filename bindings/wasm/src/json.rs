//! The tally's `cxmetrics.tally` format as JS values: the core's own serde
//! `Serialize` / `Deserialize` impls for [`Tally`], driven by a small serializer that
//! builds plain JS objects and a deserializer that reads what `JSON.parse` returned.
//!
//! The JS wrapper parses and prints the JSON text itself (`JSON.parse`,
//! `JSON.stringify`), so the module carries no JSON parser: `serde_json` (its parser,
//! correctly rounded float parsing, float printing and error positions) was ~24 KB of
//! the gzipped light module. Values cross as JS numbers, which is what the wrapper's
//! `toJSON()` returned before too (`JSON.parse` of the core's JSON text).

use std::fmt;

use cxmetrics::Tally;
use js_sys::{Array, Object};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Impossible, Serialize, Serializer};
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::{JsResult, error};

/// A serde error: its message only.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// `value` (the result of `JSON.parse`: plain objects, arrays, strings, numbers,
/// booleans and null, so nothing here can run JS code) as a tally.
/// Errors are `invalid_format`, worded as the core's `Tally::from_json`.
pub(crate) fn tally_from_js(value: &JsValue) -> JsResult<Tally> {
    serde::Deserialize::deserialize(De(value)).map_err(|Error(m)| {
        const PREFIX: &str = "invalid serialized tally: ";
        // The core's own checks (`from_raw`) arrive already worded as its error.
        let message = if m.starts_with(PREFIX) {
            m
        } else {
            format!("{PREFIX}{m}")
        };
        error("invalid_format", &message, None)
    })
}

/// The tally as a plain JS object in the `cxmetrics.tally` format.
pub(crate) fn tally_to_js(tally: &Tally) -> JsValue {
    // The serializer below supports everything `Tally` uses (strings, numbers, options,
    // sequences, structs), so this cannot fail; `null` would show a bug loudly.
    tally.serialize(Ser).unwrap_or(JsValue::NULL)
}

/// 2^64: the first integer a `u64` cannot hold.
const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;

/// What a parsed JSON value is (one non-generic function; the visitors below only
/// dispatch on it, so each of the format's types gets a few lines of wasm).
enum Kind {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Str(String),
    Bool(bool),
    Null,
    Seq,
    Map,
}

#[inline(never)]
fn kind(v: &JsValue) -> Kind {
    if let Some(x) = v.as_f64() {
        // Integers go to the integer visitors (counts are u64), others as floats;
        // -0 is the integer 0, as `JSON.stringify` writes it.
        if x.fract() == 0.0 && x.abs() < TWO_POW_64 {
            if x >= 0.0 {
                Kind::Unsigned(x as u64)
            } else if x >= -9_223_372_036_854_775_808.0 {
                Kind::Signed(x as i64)
            } else {
                Kind::Float(x)
            }
        } else {
            Kind::Float(x)
        }
    } else if let Some(s) = v.as_string() {
        Kind::Str(s)
    } else if let Some(b) = v.as_bool() {
        Kind::Bool(b)
    } else if v.is_null() || v.is_undefined() {
        Kind::Null
    } else if Array::is_array(v) {
        Kind::Seq
    } else {
        Kind::Map
    }
}

/// serde's "invalid type: …, expected …" error for a value of the wrong kind.
fn invalid_type(k: &Kind, expected: &dyn de::Expected) -> Error {
    let unexpected = match k {
        Kind::Unsigned(u) => de::Unexpected::Unsigned(*u),
        Kind::Signed(i) => de::Unexpected::Signed(*i),
        Kind::Float(f) => de::Unexpected::Float(*f),
        Kind::Str(s) => de::Unexpected::Str(s),
        Kind::Bool(b) => de::Unexpected::Bool(*b),
        Kind::Null => de::Unexpected::Other("null"),
        Kind::Seq => de::Unexpected::Seq,
        Kind::Map => de::Unexpected::Map,
    };
    de::Error::invalid_type(unexpected, expected)
}

struct De<'a>(&'a JsValue);

impl<'a> De<'a> {
    fn seq(&self) -> Seq<'a> {
        let array: &Array = self.0.unchecked_ref();
        Seq {
            array,
            next: 0,
            len: array.length(),
        }
    }

    fn map(&self) -> Map<'a> {
        let keys = Object::keys(self.0.unchecked_ref::<Object>());
        Map {
            object: self.0,
            len: keys.length(),
            keys,
            next: 0,
            value: JsValue::UNDEFINED,
        }
    }
}

/// Only what the format needs is implemented apart (numbers, strings, sequences,
/// structs, options): a visitor is then asked only for the kinds it can take.
impl<'de> Deserializer<'de> for De<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match kind(self.0) {
            Kind::Unsigned(u) => visitor.visit_u64(u),
            Kind::Signed(i) => visitor.visit_i64(i),
            Kind::Float(f) => visitor.visit_f64(f),
            Kind::Str(s) => visitor.visit_string(s),
            Kind::Bool(b) => visitor.visit_bool(b),
            Kind::Null => visitor.visit_unit(),
            Kind::Seq => visitor.visit_seq(self.seq()),
            Kind::Map => visitor.visit_map(self.map()),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match kind(self.0) {
            Kind::Unsigned(u) => visitor.visit_u64(u),
            Kind::Signed(i) => visitor.visit_i64(i),
            Kind::Float(f) => visitor.visit_f64(f),
            k => Err(invalid_type(&k, &visitor)),
        }
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match kind(self.0) {
            Kind::Str(s) => visitor.visit_string(s),
            k => Err(invalid_type(&k, &visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match kind(self.0) {
            Kind::Seq => visitor.visit_seq(self.seq()),
            k => Err(invalid_type(&k, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // serde_json also reads a struct from an array of its fields in order; so does
        // this, so that the same text is accepted in every binding.
        match kind(self.0) {
            Kind::Map => visitor.visit_map(self.map()),
            Kind::Seq => visitor.visit_seq(self.seq()),
            k => Err(invalid_type(&k, &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// Unknown fields are skipped without looking inside them.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i128 u8 u16 u128 f32 char
        bytes byte_buf unit unit_struct newtype_struct tuple
        tuple_struct map enum
    }
}

struct Seq<'a> {
    array: &'a Array,
    next: u32,
    len: u32,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.next >= self.len {
            return Ok(None);
        }
        let v = self.array.get(self.next);
        self.next += 1;
        seed.deserialize(De(&v)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.next) as usize)
    }
}

struct Map<'a> {
    object: &'a JsValue,
    keys: Array,
    next: u32,
    len: u32,
    value: JsValue,
}

impl<'de> MapAccess<'de> for Map<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.next >= self.len {
            return Ok(None);
        }
        let key = self.keys.get(self.next);
        self.next += 1;
        self.value = js_sys::Reflect::get(self.object, &key).unwrap_or(JsValue::UNDEFINED);
        seed.deserialize(De(&key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(De(&self.value))
    }
}

/// Builds JS values; supports what the tally format uses.
struct Ser;

/// An array or object being filled.
struct Compound(JsValue);

fn unsupported() -> Error {
    Error("not representable in the cxmetrics.tally format".to_owned())
}

impl Serializer for Ser {
    type Ok = JsValue;
    type Error = Error;
    type SerializeSeq = Compound;
    type SerializeTuple = Impossible<JsValue, Error>;
    type SerializeTupleStruct = Impossible<JsValue, Error>;
    type SerializeTupleVariant = Impossible<JsValue, Error>;
    type SerializeMap = Impossible<JsValue, Error>;
    type SerializeStruct = Compound;
    type SerializeStructVariant = Impossible<JsValue, Error>;

    fn serialize_bool(self, v: bool) -> Result<JsValue, Error> {
        Ok(JsValue::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<JsValue, Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    /// Counts: a JS number, as `JSON.parse` of the core's JSON gives (exact to 2^53).
    fn serialize_u64(self, v: u64) -> Result<JsValue, Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<JsValue, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<JsValue, Error> {
        Ok(JsValue::from_f64(v))
    }
    fn serialize_char(self, _: char) -> Result<JsValue, Error> {
        Err(unsupported())
    }
    fn serialize_str(self, v: &str) -> Result<JsValue, Error> {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<JsValue, Error> {
        Err(unsupported())
    }
    fn serialize_none(self) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<JsValue, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<JsValue, Error> {
        Err(unsupported())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<JsValue, Error> {
        Err(unsupported())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<JsValue, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<JsValue, Error> {
        Err(unsupported())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound, Error> {
        Ok(Compound(Array::new().into()))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unsupported())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound, Error> {
        Ok(Compound(Object::new().into()))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported())
    }
}

impl ser::SerializeSeq for Compound {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let array: &Array = self.0.unchecked_ref();
        array.push(&value.serialize(Ser)?);
        Ok(())
    }
    fn end(self) -> Result<JsValue, Error> {
        Ok(self.0)
    }
}

impl ser::SerializeStruct for Compound {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        crate::results::set(self.0.unchecked_ref(), key, &value.serialize(Ser)?);
        Ok(())
    }
    fn end(self) -> Result<JsValue, Error> {
        Ok(self.0)
    }
}
