//! tests/vectors/labels.json (tests/vectors/oracle_labels.py): labelled answers give the
//! tally of the same answers as numbers, or the stated error, exactly.

use cxmetrics::labels::Answer;
use cxmetrics::{LabelledScale, OnInvalid, Result, Scale};
use serde_json::Value;

fn labelled(c: &Value) -> Result<LabelledScale> {
    if let Some(p) = c["preset"].as_object() {
        return LabelledScale::preset(p["name"].as_str().unwrap(), p["lang"].as_str());
    }
    let s = &c["scale"];
    let scale = Scale::new(s[0].as_i64().unwrap(), s[1].as_i64().unwrap())?;
    let labels: Vec<(String, i64)> = c["labels"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_i64().unwrap()))
                .collect()
        })
        .unwrap_or_default();
    let l = scale.with_labels(labels)?;
    match c["missing"].as_array() {
        Some(m) => l.with_missing(m.iter().map(|t| t.as_str().unwrap())),
        None => Ok(l),
    }
}

#[test]
fn labels_vectors() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/labels.json"
    ))
    .unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 70);
    for c in cases {
        let id = c["id"].as_str().unwrap();
        assert_eq!(c["function"], "tally_labels", "{id}");
        let answers: Vec<Answer<'_>> = c["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| match a {
                Value::Null => Answer::Missing,
                Value::String(s) => Answer::Text(s),
                v => Answer::Number(v.as_f64().unwrap()),
            })
            .collect();
        let policy = OnInvalid::parse(c["on_invalid"].as_str().unwrap()).unwrap();
        let result = labelled(c).and_then(|s| s.tally(&answers, None, policy));
        match (&c["error"], result) {
            (Value::String(code), Err(e)) => {
                assert_eq!(e.code(), code, "{id}: {e}");
                assert_eq!(e.index(), c["index"].as_u64().map(|i| i as usize), "{id}");
                if let Some(label) = c["label"].as_str() {
                    assert!(e.to_string().contains(label), "{id}: {e}");
                }
            }
            (Value::String(code), Ok(t)) => panic!("{id}: expected {code}, got {t:?}"),
            (_, Err(e)) => panic!("{id}: {e}"),
            (_, Ok(t)) => {
                let x = &c["expected"];
                let counts: Vec<u64> = x["counts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap())
                    .collect();
                assert_eq!(t.counts(), counts.as_slice(), "{id}");
                assert_eq!(t.missing(), x["missing"].as_u64().unwrap(), "{id}");
                assert_eq!(t.invalid(), x["invalid"].as_u64().unwrap(), "{id}");
                // the dictionary-encoded path gives the same tally
                let codes: Vec<i64> = (0..answers.len() as i64).collect();
                let s = labelled(c).unwrap();
                assert_eq!(
                    s.tally_codes(&answers, &codes, None, policy).unwrap(),
                    t,
                    "{id}"
                );
            }
        }
    }
}
