//! Labelled answers (issue 13): named hand-checked cases.

use cxmetrics::labels::{Answer, PRESETS, Reading};
use cxmetrics::{LabelledScale, OnInvalid, Scale, Tally};

fn texts(xs: &[&'static str]) -> Vec<Answer<'static>> {
    xs.iter().map(|&t| Answer::Text(t)).collect()
}

#[test]
fn every_preset_label_reads_as_its_point() {
    for p in PRESETS {
        let s = LabelledScale::preset(p.name, p.lang).unwrap();
        assert_eq!((s.scale().min(), s.scale().max()), (p.min, p.max));
        for &(label, point) in p.labels {
            assert_eq!(
                s.read(label),
                Reading::Value(f64::from(point)),
                "{} {label}",
                p.name
            );
            // case, spaces and composition do not matter
            let upper = format!("  {}  ", label.to_uppercase());
            assert_eq!(s.read(&upper), Reading::Value(f64::from(point)));
        }
        for &m in p.missing {
            assert_eq!(s.read(m), Reading::Missing);
        }
    }
}

#[test]
fn labelled_and_numeric_answers_tally_the_same() {
    let s = LabelledScale::satisfaction5("th").unwrap();
    let answers = texts(&["พอใจมาก", "ไม่พอใจ", "๔", "★★★☆☆", "", "N/A", "5 out of 5"]);
    let t = s.tally(&answers, None, OnInvalid::Error).unwrap();
    let nan = f64::NAN;
    let numeric =
        Tally::from_scores(Scale::ONE_TO_FIVE, &[5.0, 2.0, 4.0, 3.0, nan, nan, 5.0]).unwrap();
    assert_eq!(t, numeric);
    // the same column dictionary-encoded
    let cats = texts(&["พอใจมาก", "ไม่พอใจ", "๔", "★★★☆☆", "N/A", "5 out of 5"]);
    let codes: [i8; 7] = [0, 1, 2, 3, -1, 4, 5];
    assert_eq!(
        s.tally_codes(&cats, &codes, None, OnInvalid::Error)
            .unwrap(),
        numeric
    );
}

#[test]
fn unknown_labels_name_their_index_or_are_skipped() {
    let s = LabelledScale::helpdesk_rating();
    let answers = texts(&["good", "offered", "meh", "bad", "unoffered"]);
    let e = s.tally(&answers, None, OnInvalid::Error).unwrap_err();
    assert_eq!((e.code(), e.index()), ("unknown_label", Some(2)));
    let t = s.tally(&answers, None, OnInvalid::Skip).unwrap();
    assert_eq!((t.counts(), t.missing(), t.invalid()), (&[1, 1][..], 2, 1));
    // dictionary-encoded: the first row of the unknown category
    let cats = texts(&["good", "meh"]);
    let e = s
        .tally_codes(&cats, &[0i32, 0, 1, 1], None, OnInvalid::Error)
        .unwrap_err();
    assert_eq!((e.code(), e.index()), ("unknown_label", Some(2)));
    let t = s
        .tally_codes(&cats, &[0i32, 0, 1, 1], None, OnInvalid::Skip)
        .unwrap();
    assert_eq!((t.n(), t.invalid()), (2, 2));
}

#[test]
fn an_earlier_invalid_number_comes_first() {
    let s = LabelledScale::from(Scale::ONE_TO_FIVE);
    let answers = [Answer::Number(9.0), Answer::Text("great")];
    let e = s.tally(&answers, None, OnInvalid::Error).unwrap_err();
    assert_eq!((e.code(), e.index()), ("out_of_scale", Some(0)));
    let e = s
        .tally(&texts(&["4", "4/10"]), None, OnInvalid::Error)
        .unwrap_err();
    assert_eq!((e.code(), e.index()), ("out_of_scale", Some(1)));
    let e = s
        .tally(&texts(&["4.5"]), None, OnInvalid::Error)
        .unwrap_err();
    assert_eq!(e.code(), "not_integer");
}

#[test]
fn ambiguous_scales_are_refused_naming_the_label() {
    let s = Scale::ONE_TO_FIVE;
    let cases: [&[(&str, i64)]; 5] = [
        &[("Good", 4), ("good ", 5)],
        &[("5", 4)],
        &[("3 - okay", 4)],
        &[("n/a", 3)],
        &[("great", 9)],
    ];
    for labels in cases {
        let e = s.with_labels(labels.iter().copied()).unwrap_err();
        assert_eq!(e.code(), "invalid_scale", "{labels:?}");
        assert!(e.to_string().contains(labels.last().unwrap().0), "{e}");
    }
    // a label that reads as its own point is fine
    assert!(
        Scale::NPS
            .with_labels([("10 - Extremely likely", 10)])
            .is_ok()
    );
    let e = Scale::BINARY
        .with_labels([("yes", 1)])
        .unwrap()
        .with_missing(["YES"])
        .unwrap_err();
    assert_eq!(e.code(), "invalid_scale");
}

#[test]
fn weighted_codes_match_weighted_values() {
    let s = LabelledScale::thumbs();
    let cats = texts(&["👍", "👎🏿", "👍️"]);
    let w = [1.0, 2.0, 3.0, 4.0];
    let t = s
        .tally_codes(&cats, &[0u8, 1, 2, 1], Some(&w), OnInvalid::Error)
        .unwrap();
    let n = Tally::from_scores_with(Scale::BINARY, &[1u8, 0, 1, 0], Some(&w), OnInvalid::Error)
        .unwrap();
    assert_eq!(t, n);
}

#[test]
fn unknown_preset_language_is_invalid_argument() {
    let e = LabelledScale::satisfaction5("de").unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert!(e.to_string().contains("en, vi, th, fa"), "{e}");
}

/// The presets table of docs/labels.md, generated from [`PRESETS`] (the one home of the
/// wording): `CX_WRITE_DOCS=1 cargo test -p cxmetrics --test labels` rewrites it.
#[allow(clippy::format_push_string)]
fn presets_table() -> String {
    let mut out =
        String::from("<!-- presets: generated from crates/cxmetrics/src/labels/presets.rs -->\n");
    for p in PRESETS {
        let lang = p.lang.map_or(String::new(), |l| format!(" (`{l}`)"));
        out.push_str(&format!(
            "\n### `{}`{lang}: {}–{}\n\n| answer | point |\n|---|---|\n",
            p.name, p.min, p.max
        ));
        for (text, point) in p.labels {
            out.push_str(&format!("| {text} | {point} |\n"));
        }
        for m in p.missing {
            out.push_str(&format!("| {m} | missing |\n"));
        }
        out.push_str(&format!("\nSource: {}.\n", p.source));
    }
    out.push_str("\n<!-- /presets -->\n");
    out
}

#[test]
fn docs_list_every_preset_as_the_core_does() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/labels.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let start = doc.find("<!-- presets:").expect("presets marker");
    let end = doc.find("<!-- /presets -->").expect("end marker") + "<!-- /presets -->\n".len();
    let table = presets_table();
    if std::env::var_os("CX_WRITE_DOCS").is_some() {
        std::fs::write(path, format!("{}{}{}", &doc[..start], table, &doc[end..])).unwrap();
        return;
    }
    assert_eq!(
        &doc[start..end],
        table,
        "docs/labels.md is stale: rerun with CX_WRITE_DOCS=1"
    );
}
