//! The preset labelled scales: wording and sources, written once (docs/labels.md and
//! the Python and JS docs are generated from / tested against this table).

/// One preset labelled scale: its name, language, points, labels and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// The constructor's name in the core's snake_case (`satisfaction5`, `thumbs`, …).
    pub name: &'static str,
    /// The language code (`"en"`, `"vi"`, `"th"`, `"fa"`) for worded presets, `None`
    /// for language-free ones (emoji, survey-tool choices).
    pub lang: Option<&'static str>,
    /// The scale's lowest point.
    pub min: i32,
    /// The scale's highest point.
    pub max: i32,
    /// Answer text → point, the standard wording first for each point, then variants.
    pub labels: &'static [(&'static str, i32)],
    /// Extra missing-value texts, added to the default vocabulary.
    pub missing: &'static [&'static str],
    /// Where the wording comes from.
    pub source: &'static str,
}

const SAT_SOURCE: &str = "the five-point satisfaction wording and its vi, th and fa \
translations as specified in issue 13 (the common CSAT choice wording; not checked here \
against a vendor's template)";
const AGREE_SOURCE: &str = "the five-point Likert (1932) agreement wording used with the \
Customer Effort Score statement (CES 2.0); the vi, th and fa wording is this project's \
choice of the usual translations (a decision recorded in CHANGELOG.md), to be checked by \
native speakers";

/// Every preset, in documentation order.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "satisfaction5",
        lang: Some("en"),
        min: 1,
        max: 5,
        labels: &[
            ("Very dissatisfied", 1),
            ("Dissatisfied", 2),
            ("Neutral", 3),
            ("Satisfied", 4),
            ("Very satisfied", 5),
        ],
        missing: &[],
        source: SAT_SOURCE,
    },
    Preset {
        name: "satisfaction5",
        lang: Some("vi"),
        min: 1,
        max: 5,
        labels: &[
            ("Rất không hài lòng", 1),
            ("Không hài lòng", 2),
            ("Bình thường", 3),
            ("Hài lòng", 4),
            ("Rất hài lòng", 5),
        ],
        missing: &[],
        source: SAT_SOURCE,
    },
    Preset {
        name: "satisfaction5",
        lang: Some("th"),
        min: 1,
        max: 5,
        labels: &[
            ("ไม่พอใจมาก", 1),
            ("ไม่พอใจ", 2),
            ("เฉยๆ", 3),
            ("พอใจ", 4),
            ("พอใจมาก", 5),
        ],
        missing: &[],
        source: SAT_SOURCE,
    },
    Preset {
        name: "satisfaction5",
        lang: Some("fa"),
        min: 1,
        max: 5,
        labels: &[
            ("خیلی ناراضی", 1),
            ("ناراضی", 2),
            ("نه راضی نه ناراضی", 3),
            ("راضی", 4),
            ("خیلی راضی", 5),
        ],
        missing: &[],
        source: SAT_SOURCE,
    },
    Preset {
        name: "agreement5",
        lang: Some("en"),
        min: 1,
        max: 5,
        labels: &[
            ("Strongly disagree", 1),
            ("Disagree", 2),
            ("Neither agree nor disagree", 3),
            ("Agree", 4),
            ("Strongly agree", 5),
        ],
        missing: &[],
        source: AGREE_SOURCE,
    },
    Preset {
        name: "agreement5",
        lang: Some("vi"),
        min: 1,
        max: 5,
        labels: &[
            ("Hoàn toàn không đồng ý", 1),
            ("Không đồng ý", 2),
            ("Trung lập", 3),
            ("Đồng ý", 4),
            ("Hoàn toàn đồng ý", 5),
        ],
        missing: &[],
        source: AGREE_SOURCE,
    },
    Preset {
        name: "agreement5",
        lang: Some("th"),
        min: 1,
        max: 5,
        labels: &[
            ("ไม่เห็นด้วยอย่างยิ่ง", 1),
            ("ไม่เห็นด้วย", 2),
            ("ไม่แน่ใจ", 3),
            ("เห็นด้วย", 4),
            ("เห็นด้วยอย่างยิ่ง", 5),
        ],
        missing: &[],
        source: AGREE_SOURCE,
    },
    Preset {
        name: "agreement5",
        lang: Some("fa"),
        min: 1,
        max: 5,
        labels: &[
            ("کاملاً مخالفم", 1),
            ("مخالفم", 2),
            ("نظری ندارم", 3),
            ("موافقم", 4),
            ("کاملاً موافقم", 5),
        ],
        missing: &[],
        source: AGREE_SOURCE,
    },
    Preset {
        name: "faces5",
        lang: None,
        min: 1,
        max: 5,
        labels: &[
            ("😠", 1),
            ("🙁", 2),
            ("😐", 3),
            ("🙂", 4),
            ("😍", 5),
            ("😡", 1),
            ("😞", 1),
            ("☹", 2),
            ("😕", 2),
            ("😶", 3),
            ("😊", 4),
            ("😀", 5),
            ("😃", 5),
            ("😄", 5),
            ("🤩", 5),
        ],
        missing: &[],
        source: "the five faces of issue 13 (😠 🙁 😐 🙂 😍, as in smiley-face CSAT widgets); \
variants: the neighbouring Unicode faces of the same valence (Unicode emoji names: pouting, \
disappointed; frowning, confused; no mouth; smiling eyes; grinning, star-struck)",
    },
    Preset {
        name: "thumbs",
        lang: None,
        min: 0,
        max: 1,
        labels: &[("👎", 0), ("👍", 1)],
        missing: &[],
        source: "thumbs down / up (binary feedback widgets); skin-tone modifiers are ignored",
    },
    Preset {
        name: "helpdesk_rating",
        lang: None,
        min: 0,
        max: 1,
        labels: &[("bad", 0), ("good", 1)],
        missing: &["offered", "unoffered"],
        source: "Zendesk CSAT ratings (satisfaction_rating.score: good, bad, offered = asked \
but not answered, unoffered = never asked)",
    },
    Preset {
        name: "nps_choices",
        lang: None,
        min: 0,
        max: 10,
        labels: &[
            ("0 - Not at all likely", 0),
            ("Not at all likely", 0),
            ("10 - Extremely likely", 10),
            ("Extremely likely", 10),
        ],
        missing: &[],
        source: "the NPS question's end labels as survey tools export them (Qualtrics, \
SurveyMonkey: \"0 - Not at all likely\", \"10 - Extremely likely\"); the plain numbers \
0–10 are read on every scale",
    },
];
