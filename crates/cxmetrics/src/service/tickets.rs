//! Tickets as records ([`Ticket`]) and in validated columnar form ([`Tickets`], [`TicketColumns`]).

use jiff::Timestamp;

use super::out_of_order;
use crate::error::{Error, Result};

/// One ticket as a record: its events and counts.
///
/// A ticket can be solved, reopened and solved again: `solved` and `reopened` list
/// every such event (in any order). It is *resolved* when it was solved at least once
/// and its last solve is after its last reopen; otherwise it is open.
///
/// In time order, every reopen must follow a solve with no other reopen in between (a
/// solve and a reopen at the same instant: the solve comes first). Each reopen closes a
/// *solved period* `[solve, reopen)` that starts at the first solve after the previous
/// reopen (or after creation); requester wait leaves these periods out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ticket {
    /// When the ticket was created.
    pub created: Timestamp,
    /// The first public agent response, if any yet.
    pub first_response: Option<Timestamp>,
    /// Every time the ticket was set to solved.
    pub solved: Vec<Timestamp>,
    /// Every time the ticket was reopened.
    pub reopened: Vec<Timestamp>,
    /// Public agent replies over the ticket's life.
    pub agent_replies: u32,
    /// Customer messages after the initial contact.
    pub customer_followups: u32,
    /// On-hold / pending intervals `(start, end)` (the requester is not waiting).
    pub paused: Vec<(Timestamp, Timestamp)>,
    /// Contact channel (email, chat, …), for segmenting.
    pub channel: Option<String>,
    /// Priority (low, high, …), for SLA targets.
    pub priority: Option<String>,
}

impl Ticket {
    /// The record keys of a ticket, in field order: the names bindings accept for a
    /// ticket record (a Python dict, a JS object). `solved` and `reopened` are lists of
    /// instants, `paused` a list of `(start, end)` pairs.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::service::Ticket;
    /// assert_eq!(Ticket::FIELDS[0], "created");
    /// // every field, in the order of FIELDS (a new field breaks this example)
    /// let Ticket { created: _, first_response: _, solved: _, reopened: _, agent_replies: _,
    ///     customer_followups: _, paused: _, channel: _, priority: _ } = Ticket::default();
    /// assert!(Ticket::FIELDS.contains(&"customer_followups"));
    /// ```
    pub const FIELDS: [&str; 9] = [
        "created",
        "first_response",
        "solved",
        "reopened",
        "agent_replies",
        "customer_followups",
        "paused",
        "channel",
        "priority",
    ];
}

/// Tickets in columnar form: one entry per ticket in every column (validated).
///
/// Build with [`Tickets::from_records`] or [`Tickets::from_columns`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tickets {
    pub(super) created: Vec<Timestamp>,
    pub(super) first_response: Vec<Option<Timestamp>>,
    pub(super) first_solved: Vec<Option<Timestamp>>,
    pub(super) final_solved: Vec<Option<Timestamp>>,
    pub(super) first_reopened: Vec<Option<Timestamp>>,
    pub(super) agent_replies: Vec<u32>,
    pub(super) customer_followups: Vec<u32>,
    /// Per ticket: the union of its paused intervals (sorted, disjoint, non-empty).
    pub(super) paused: Vec<Vec<(Timestamp, Timestamp)>>,
    /// Per ticket: its solved periods `[solve, reopen)`, in order (from records: one per
    /// reopen; from columns: `[first_solved, first_reopened)` at most).
    pub(super) solved_periods: Vec<Vec<(Timestamp, Timestamp)>>,
    pub(super) channel: Vec<Option<String>>,
    pub(super) priority: Vec<Option<String>>,
    /// Per ticket: its latest event (for the `as_of` check).
    pub(super) ticket_latest: Vec<Timestamp>,
    pub(super) latest: Option<Timestamp>,
}

/// Columns of tickets, borrowed; every given column has one entry per ticket.
///
/// `final_solved` is the latest resolution of a ticket that is resolved now (`None`
/// while it is open); `first_reopened` the first reopen after the first solve.
/// `paused` lists `(ticket index, start, end)` triples.
///
/// Columns can express only one reopen: a ticket's one solved period is
/// `[first_solved, first_reopened)` (none without a reopen), so requester wait of a
/// ticket reopened more than once needs records ([`Ticket`]), which keep every solve
/// and reopen.
#[derive(Debug, Clone, Copy, Default)]
pub struct TicketColumns<'a> {
    /// Creation instants (required).
    pub created: &'a [Timestamp],
    /// First agent responses.
    pub first_response: Option<&'a [Option<Timestamp>]>,
    /// First solves.
    pub first_solved: Option<&'a [Option<Timestamp>]>,
    /// Final solves of tickets resolved now.
    pub final_solved: Option<&'a [Option<Timestamp>]>,
    /// First reopens after the first solve.
    pub first_reopened: Option<&'a [Option<Timestamp>]>,
    /// Agent reply counts.
    pub agent_replies: Option<&'a [u32]>,
    /// Customer follow-up counts.
    pub customer_followups: Option<&'a [u32]>,
    /// Paused intervals as `(ticket index, start, end)`.
    pub paused: Option<&'a [(usize, Timestamp, Timestamp)]>,
    /// Channels.
    pub channel: Option<&'a [Option<String>]>,
    /// Priorities.
    pub priority: Option<&'a [Option<String>]>,
}

/// The union of sorted intervals: sorted, disjoint, without empty intervals (touching
/// intervals join).
pub(super) fn union(sorted: &[(Timestamp, Timestamp)]) -> Vec<(Timestamp, Timestamp)> {
    let mut out: Vec<(Timestamp, Timestamp)> = Vec::with_capacity(sorted.len());
    for &(a, b) in sorted {
        if b <= a {
            continue;
        }
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

fn column<T: Clone>(name: &'static str, col: Option<&[T]>, n: usize, default: T) -> Result<Vec<T>> {
    match col {
        None => Ok(vec![default; n]),
        Some(c) if c.len() == n => Ok(c.to_vec()),
        Some(c) => Err(Error::LengthMismatch {
            what: name,
            left: n,
            right: c.len(),
        }),
    }
}

/// What columns state about a ticket's solves beyond its events: the first solve, and
/// the final solve of a ticket resolved now (`None`: open, or not given).
#[derive(Clone, Copy)]
struct Stated {
    first_solved: Option<Timestamp>,
    final_solved: Option<Timestamp>,
}

/// One ticket, validated: what the metrics read.
struct History {
    first_solved: Option<Timestamp>,
    final_solved: Option<Timestamp>,
    first_reopened: Option<Timestamp>,
    /// Solved periods `[solve, reopen)`, in order.
    periods: Vec<(Timestamp, Timestamp)>,
    /// The union of the paused intervals.
    paused: Vec<(Timestamp, Timestamp)>,
    /// The latest instant of the ticket (created, events, ends of pauses).
    latest: Timestamp,
}

/// The one validation of a ticket's history, for records and columns alike (a ticket
/// given as columns is the history `solved = [first_solved, final_solved]`,
/// `reopened = [first_reopened]`, plus what the columns state about it), so that the same
/// history is accepted or refused the same way, with the same message and index.
///
/// Checks, in this order (the first that fails is the error):
/// 1. the first response, every solve and every reopen at or after `created`;
/// 2. columns: a final solve only with a first solve, and not before it;
/// 3. in time order (a solve before a reopen at the same instant), every reopen follows
///    a solve with no other reopen in between;
/// 4. columns: a final solve (the ticket is resolved now) after the last reopen;
/// 5. every paused interval ends at or after its start and starts at or after `created`
///    (overlaps are allowed: their union is kept).
fn check_history(
    i: usize,
    created: Timestamp,
    first_response: Option<Timestamp>,
    solved: &[Timestamp],
    reopened: &[Timestamp],
    mut paused: Vec<(Timestamp, Timestamp)>,
    stated: Option<Stated>,
) -> Result<History> {
    if first_response.is_some_and(|r| r < created) {
        return Err(out_of_order(
            "the first response is before the ticket was created",
            i,
        ));
    }
    if solved.iter().any(|&s| s < created) {
        return Err(out_of_order("a solve is before the ticket was created", i));
    }
    if reopened.iter().any(|&o| o < created) {
        return Err(out_of_order("a reopen is before the ticket was created", i));
    }
    if let Some(c) = stated {
        match (c.first_solved, c.final_solved) {
            (None, Some(_)) => {
                return Err(out_of_order(
                    "a final solve without a first solve (the first solve comes first)",
                    i,
                ));
            }
            (Some(f), Some(l)) if l < f => {
                return Err(out_of_order("the final solve is before the first solve", i));
            }
            _ => {}
        }
    }
    // the status walk: solves before reopens at the same instant
    let mut events: Vec<(Timestamp, bool)> = solved
        .iter()
        .map(|&s| (s, false))
        .chain(reopened.iter().map(|&o| (o, true)))
        .collect();
    events.sort_unstable();
    let mut solved_since: Option<Timestamp> = None;
    let mut periods = Vec::new();
    for &(at, is_reopen) in &events {
        if is_reopen {
            let Some(s) = solved_since.take() else {
                return Err(out_of_order(
                    "a reopen does not follow a solve (a reopen before any solve, or two reopens without a solve between them)",
                    i,
                ));
            };
            periods.push((s, at));
        } else if solved_since.is_none() {
            solved_since = Some(at);
        }
    }
    let resolved = solved_since.is_some();
    let (first_solved, final_solved) = match stated {
        Some(c) => {
            if c.final_solved.is_some() && !resolved {
                return Err(out_of_order(
                    "the final solve is not after the first reopen (a ticket resolved now was solved again after it was reopened)",
                    i,
                ));
            }
            (c.first_solved, c.final_solved)
        }
        None => (
            solved.iter().min().copied(),
            if resolved {
                solved.iter().max().copied()
            } else {
                None
            },
        ),
    };
    paused.sort_unstable();
    let mut latest = first_response
        .into_iter()
        .chain(events.last().map(|&(at, _)| at))
        .fold(created, Timestamp::max);
    for &(a, b) in &paused {
        if b < a {
            return Err(out_of_order("a paused interval ends before it starts", i));
        }
        if a < created {
            return Err(out_of_order(
                "a paused interval starts before the ticket was created",
                i,
            ));
        }
        latest = latest.max(b);
    }
    Ok(History {
        first_solved,
        final_solved,
        first_reopened: periods.first().map(|&(_, o)| o),
        periods,
        paused: union(&paused),
        latest,
    })
}

impl Tickets {
    /// The column names of tickets in columnar form: the fields of [`TicketColumns`], in
    /// order, i.e. the names bindings accept for a table of tickets. Unlike a record's `solved` / `reopened` lists, columns hold the first and
    /// final solve and the first reopen.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::service::Tickets;
    /// use cxmetrics::service::TicketColumns;
    /// assert_eq!(Tickets::COLUMNS[..3], ["created", "first_response", "first_solved"]);
    /// // every column, in the order of COLUMNS (a new column breaks this example)
    /// let TicketColumns { created: _, first_response: _, first_solved: _, final_solved: _,
    ///     first_reopened: _, agent_replies: _, customer_followups: _, paused: _, channel: _,
    ///     priority: _ } = TicketColumns::default();
    /// ```
    pub const COLUMNS: [&str; 10] = [
        "created",
        "first_response",
        "first_solved",
        "final_solved",
        "first_reopened",
        "agent_replies",
        "customer_followups",
        "paused",
        "channel",
        "priority",
    ];

    /// Validates and converts ticket records.
    ///
    /// Every solve and reopen is kept: each reopen closes a solved period
    /// `[solve, reopen)` (see [`Ticket`]), which requester wait leaves out. Paused
    /// intervals may overlap (several sources of pauses): their union is kept.
    ///
    /// Records and columns ([`Tickets::from_columns`]) go through one validation, ticket
    /// by ticket in index order: the same history is accepted or refused the same way.
    ///
    /// # Errors
    /// `out_of_order` (with the ticket's index, the first ticket that fails) when the
    /// first response, a solve or a reopen precedes the ticket's creation; a reopen does
    /// not follow a solve (a reopen before any solve, or two reopens without a solve
    /// between them); or a paused interval ends before it starts or starts before the
    /// creation. The message names the rule that failed.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Ticket, Tickets};
    /// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
    /// let ticket = Ticket { created: t("2026-11-02T09:00:00Z"), solved: vec![t("2026-11-02T10:00:00Z")], ..Default::default() };
    /// assert_eq!(Tickets::from_records(&[ticket])?.len(), 1);
    /// let bad = Ticket { created: t("2026-11-02T09:00:00Z"), solved: vec![t("2026-11-01T10:00:00Z")], ..Default::default() };
    /// assert_eq!(Tickets::from_records(&[bad]).unwrap_err().code(), "out_of_order");
    /// let reopen_first = Ticket {
    ///     created: t("2026-11-02T09:00:00Z"),
    ///     solved: vec![t("2026-11-02T11:00:00Z")],
    ///     reopened: vec![t("2026-11-02T10:00:00Z")],
    ///     ..Default::default()
    /// };
    /// let e = Tickets::from_records(&[reopen_first]).unwrap_err();
    /// assert_eq!((e.code(), e.index()), ("out_of_order", Some(0)));
    /// assert!(e.to_string().starts_with("ticket at index 0: a reopen does not follow a solve"));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_records(records: &[Ticket]) -> Result<Tickets> {
        let histories = records
            .iter()
            .enumerate()
            .map(|(i, r)| {
                check_history(
                    i,
                    r.created,
                    r.first_response,
                    &r.solved,
                    &r.reopened,
                    r.paused.clone(),
                    None,
                )
            })
            .collect::<Result<Vec<History>>>()?;
        Ok(Tickets::assemble(
            records.iter().map(|r| r.created).collect(),
            records.iter().map(|r| r.first_response).collect(),
            histories,
            records.iter().map(|r| r.agent_replies).collect(),
            records.iter().map(|r| r.customer_followups).collect(),
            records.iter().map(|r| r.channel.clone()).collect(),
            records.iter().map(|r| r.priority.clone()).collect(),
        ))
    }

    /// Validates and copies ticket columns.
    ///
    /// Columns express one reopen: the solved period is `[first_solved, first_reopened)`
    /// (see [`TicketColumns`]). Overlapping paused intervals are merged (their union).
    /// A ticket's columns are validated as the record with `solved = [first_solved,
    /// final_solved]` and `reopened = [first_reopened]` (the one validation of
    /// [`Tickets::from_records`]), plus what columns state beyond a record: which solve
    /// is first, and that a ticket with a final solve is resolved now.
    ///
    /// # Errors
    /// `length_mismatch` when a column's length differs from `created`'s;
    /// `invalid_argument` for a paused interval that names a ticket index out of range;
    /// `out_of_order` (with the ticket's index, the first ticket that fails) for
    /// everything [`Tickets::from_records`] refuses, and for a final solve without a first
    /// solve, before the first solve, or not after the first reopen (the ticket would be
    /// open, not resolved).
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{TicketColumns, Tickets};
    /// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
    /// let created = [t("2026-11-02T09:00:00Z")];
    /// let reopened = [Some(t("2026-11-02T10:00:00Z"))];
    /// let cols = TicketColumns { created: &created, first_reopened: Some(&reopened), ..Default::default() };
    /// assert_eq!(Tickets::from_columns(cols).unwrap_err().code(), "out_of_order"); // no solve
    /// // solved at 09:30, "finally" solved at 09:45, reopened at 10:00: open, not resolved
    /// let first = [Some(t("2026-11-02T09:30:00Z"))];
    /// let last = [Some(t("2026-11-02T09:45:00Z"))];
    /// let cols = TicketColumns { created: &created, first_solved: Some(&first), final_solved: Some(&last),
    ///     first_reopened: Some(&reopened), ..Default::default() };
    /// let e = Tickets::from_columns(cols).unwrap_err();
    /// assert_eq!((e.code(), e.index()), ("out_of_order", Some(0)));
    /// ```
    pub fn from_columns(c: TicketColumns<'_>) -> Result<Tickets> {
        let n = c.created.len();
        let first_response = column("created and first_response", c.first_response, n, None)?;
        let first_solved = column("created and first_solved", c.first_solved, n, None)?;
        let final_solved = column("created and final_solved", c.final_solved, n, None)?;
        let first_reopened = column("created and first_reopened", c.first_reopened, n, None)?;
        let agent_replies = column("created and agent_replies", c.agent_replies, n, 0)?;
        let customer_followups =
            column("created and customer_followups", c.customer_followups, n, 0)?;
        let channel = column("created and channel", c.channel, n, None)?;
        let priority = column("created and priority", c.priority, n, None)?;
        let mut paused = vec![Vec::new(); n];
        for &(i, a, b) in c.paused.unwrap_or(&[]) {
            if i >= n {
                return Err(Error::invalid_argument(
                    "paused",
                    format!("paused interval names ticket {i}, but there are {n} tickets"),
                ));
            }
            paused[i].push((a, b));
        }
        let histories = paused
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let solved: Vec<Timestamp> =
                    first_solved[i].into_iter().chain(final_solved[i]).collect();
                let reopened: Vec<Timestamp> = first_reopened[i].into_iter().collect();
                let stated = Stated {
                    first_solved: first_solved[i],
                    final_solved: final_solved[i],
                };
                check_history(
                    i,
                    c.created[i],
                    first_response[i],
                    &solved,
                    &reopened,
                    p,
                    Some(stated),
                )
            })
            .collect::<Result<Vec<History>>>()?;
        Ok(Tickets::assemble(
            c.created.to_vec(),
            first_response,
            histories,
            agent_replies,
            customer_followups,
            channel,
            priority,
        ))
    }

    /// Tickets from validated histories and the columns that need no validation.
    fn assemble(
        created: Vec<Timestamp>,
        first_response: Vec<Option<Timestamp>>,
        histories: Vec<History>,
        agent_replies: Vec<u32>,
        customer_followups: Vec<u32>,
        channel: Vec<Option<String>>,
        priority: Vec<Option<String>>,
    ) -> Tickets {
        let n = histories.len();
        let mut t = Tickets {
            created,
            first_response,
            first_solved: Vec::with_capacity(n),
            final_solved: Vec::with_capacity(n),
            first_reopened: Vec::with_capacity(n),
            agent_replies,
            customer_followups,
            paused: Vec::with_capacity(n),
            solved_periods: Vec::with_capacity(n),
            channel,
            priority,
            ticket_latest: Vec::with_capacity(n),
            latest: None,
        };
        for h in histories {
            t.first_solved.push(h.first_solved);
            t.final_solved.push(h.final_solved);
            t.first_reopened.push(h.first_reopened);
            t.paused.push(h.paused);
            t.solved_periods.push(h.periods);
            t.ticket_latest.push(h.latest);
            t.latest = t.latest.max(Some(h.latest));
        }
        t
    }

    /// The number of tickets.
    pub fn len(&self) -> usize {
        self.created.len()
    }

    /// Whether there are no tickets.
    pub fn is_empty(&self) -> bool {
        self.created.is_empty()
    }

    /// The latest instant anywhere in the tickets (the default `as_of`).
    pub fn latest(&self) -> Option<Timestamp> {
        self.latest
    }

    /// The channel column.
    pub fn channels(&self) -> &[Option<String>] {
        &self.channel
    }

    /// The priority column.
    pub fn priorities(&self) -> &[Option<String>] {
        &self.priority
    }
}
