//! The error codes written in the repository's prose agree with the core's list,
//! `Error::CODES` (the bindings' stubs and READMEs are checked by their own suites).

use std::path::Path;

use cxmetrics::Error;

fn read(rel: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every `` `snake_case` `` word of `text` that is a core code, in order of appearance.
fn codes_in(text: &str) -> Vec<&str> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| Error::CODES.contains(w))
        .collect()
}

#[test]
fn root_readme_lists_every_code_in_order() {
    let readme = read("README.md");
    let start = readme
        .find("**Errors** have stable codes")
        .expect("the errors line");
    let end = start
        + readme[start..]
            .find("Python raises")
            .expect("end of the list");
    assert_eq!(codes_in(&readme[start..end]), Error::CODES);
}

#[test]
fn conventions_table_lists_every_code_in_order() {
    let doc = read("docs/conventions.md");
    let rows: Vec<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .filter(|w| Error::CODES.contains(w))
        .collect();
    assert_eq!(rows, Error::CODES);
}

/// The one errors table, `src/errors.md` (the rustdoc of `Error` includes it), lists every
/// code of `Error::CODES` in its first column, once each and in order, with all five
/// columns filled.
#[test]
fn errors_table_is_the_cores_list() {
    let table = read("crates/cxmetrics/src/errors.md");
    let mut codes = Vec::new();
    for row in table.lines().filter(|l| l.starts_with('|')).skip(2) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        // a leading and a trailing empty cell around the five columns
        assert_eq!(cells.len(), 7, "five columns in {row}");
        assert!(
            cells[1..6].iter().all(|c| !c.is_empty()),
            "empty cell in {row}"
        );
        codes.push(cells[1].trim_matches('`'));
    }
    assert_eq!(codes, Error::CODES);
}

/// Every copy of the errors table (docs/conventions.md, the crate's README, the Python and
/// the npm package's READMEs) is byte for byte `src/errors.md`, between its two markers.
#[test]
fn errors_table_copies_are_identical() {
    let table = read("crates/cxmetrics/src/errors.md");
    let begin = "<!-- errors table: a copy of crates/cxmetrics/src/errors.md, kept identical by a test -->\n";
    let end = "<!-- end of errors table -->";
    for doc in [
        "docs/conventions.md",
        "crates/cxmetrics/README.md",
        "bindings/python/README.md",
        "bindings/wasm/README.md",
    ] {
        let text = read(doc);
        assert_eq!(
            text.matches(begin).count(),
            1,
            "{doc}: one errors table marker"
        );
        let copy = &text[text.find(begin).unwrap() + begin.len()..];
        let copy = &copy[..copy
            .find(end)
            .unwrap_or_else(|| panic!("{doc}: end marker"))];
        assert!(
            copy == table,
            "{doc}: the errors table differs from crates/cxmetrics/src/errors.md; copy that file between the markers"
        );
    }
}
