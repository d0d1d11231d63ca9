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
