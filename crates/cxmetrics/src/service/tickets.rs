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
    /// # Errors
    /// `out_of_order` (with the ticket's index) when an event precedes the ticket's
    /// creation, a reopen does not follow a solve (a reopen before any solve, or two
    /// reopens without a solve between them), or a paused interval ends before it starts.
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
    /// assert_eq!(Tickets::from_records(&[reopen_first]).unwrap_err().code(), "out_of_order");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_records(records: &[Ticket]) -> Result<Tickets> {
        let n = records.len();
        let mut first_solved = Vec::with_capacity(n);
        let mut final_solved = Vec::with_capacity(n);
        let mut first_reopened = Vec::with_capacity(n);
        let mut periods = Vec::with_capacity(n);
        let mut record_latest = Vec::with_capacity(n);
        let mut paused = Vec::with_capacity(n);
        for (i, r) in records.iter().enumerate() {
            if r.reopened.iter().chain(&r.solved).any(|&e| e < r.created) {
                return Err(out_of_order("solved or reopened before created", i));
            }
            // the status walk: solves before reopens at the same instant
            let mut events: Vec<(Timestamp, bool)> = r
                .solved
                .iter()
                .map(|&s| (s, false))
                .chain(r.reopened.iter().map(|&o| (o, true)))
                .collect();
            events.sort_unstable();
            let mut solved_since: Option<Timestamp> = None;
            let mut p = Vec::new();
            for &(at, is_reopen) in &events {
                if is_reopen {
                    let Some(s) = solved_since.take() else {
                        return Err(out_of_order("a reopen does not follow a solve", i));
                    };
                    p.push((s, at));
                } else if solved_since.is_none() {
                    solved_since = Some(at);
                }
            }
            let fs = r.solved.iter().min().copied();
            first_solved.push(fs);
            final_solved.push(if solved_since.is_some() {
                r.solved.iter().max().copied()
            } else {
                None
            });
            first_reopened.push(p.first().map(|&(_, o)| o));
            record_latest.push(events.last().map_or(r.created, |&(at, _)| at));
            periods.push(p);
            paused.push(r.paused.clone());
        }
        let triples: Vec<(usize, Timestamp, Timestamp)> = paused
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.iter().map(move |&(a, b)| (i, a, b)))
            .collect();
        let created: Vec<Timestamp> = records.iter().map(|r| r.created).collect();
        let first_response: Vec<Option<Timestamp>> =
            records.iter().map(|r| r.first_response).collect();
        let agent: Vec<u32> = records.iter().map(|r| r.agent_replies).collect();
        let cust: Vec<u32> = records.iter().map(|r| r.customer_followups).collect();
        let channel: Vec<Option<String>> = records.iter().map(|r| r.channel.clone()).collect();
        let priority: Vec<Option<String>> = records.iter().map(|r| r.priority.clone()).collect();
        Tickets::build(
            TicketColumns {
                created: &created,
                first_response: Some(&first_response),
                first_solved: Some(&first_solved),
                final_solved: Some(&final_solved),
                first_reopened: Some(&first_reopened),
                agent_replies: Some(&agent),
                customer_followups: Some(&cust),
                paused: Some(&triples),
                channel: Some(&channel),
                priority: Some(&priority),
            },
            Some((periods, record_latest)),
        )
    }

    /// Validates and copies ticket columns.
    ///
    /// Columns express one reopen: the solved period is `[first_solved, first_reopened)`
    /// (see [`TicketColumns`]). Overlapping paused intervals are merged (their union).
    ///
    /// # Errors
    /// `length_mismatch` when a column's length differs from `created`'s;
    /// `out_of_order` (with the ticket's index) for an event before creation, a final
    /// solve before the first, a reopen without a first solve or before it, or a paused
    /// interval that ends before it starts; `invalid_argument` for a paused interval
    /// that names a ticket index out of range.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{TicketColumns, Tickets};
    /// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
    /// let created = [t("2026-11-02T09:00:00Z")];
    /// let reopened = [Some(t("2026-11-02T10:00:00Z"))];
    /// let cols = TicketColumns { created: &created, first_reopened: Some(&reopened), ..Default::default() };
    /// assert_eq!(Tickets::from_columns(cols).unwrap_err().code(), "out_of_order"); // no solve
    /// ```
    pub fn from_columns(c: TicketColumns<'_>) -> Result<Tickets> {
        Tickets::build(c, None)
    }

    /// Validates and copies columns; `records` carries the solved periods and latest
    /// solve / reopen per ticket when the columns come from records.
    #[allow(clippy::type_complexity)]
    fn build(
        c: TicketColumns<'_>,
        records: Option<(Vec<Vec<(Timestamp, Timestamp)>>, Vec<Timestamp>)>,
    ) -> Result<Tickets> {
        let n = c.created.len();
        let mut t = Tickets {
            created: c.created.to_vec(),
            first_response: column("first_response and created", c.first_response, n, None)?,
            first_solved: column("first_solved and created", c.first_solved, n, None)?,
            final_solved: column("final_solved and created", c.final_solved, n, None)?,
            first_reopened: column("first_reopened and created", c.first_reopened, n, None)?,
            agent_replies: column("agent_replies and created", c.agent_replies, n, 0)?,
            customer_followups: column(
                "customer_followups and created",
                c.customer_followups,
                n,
                0,
            )?,
            paused: vec![Vec::new(); n],
            solved_periods: Vec::new(),
            channel: column("channel and created", c.channel, n, None)?,
            priority: column("priority and created", c.priority, n, None)?,
            ticket_latest: Vec::with_capacity(n),
            latest: None,
        };
        for &(i, a, b) in c.paused.unwrap_or(&[]) {
            if i >= n {
                return Err(Error::invalid_argument(
                    "paused",
                    format!("paused interval names ticket {i}, but there are {n} tickets"),
                ));
            }
            t.paused[i].push((a, b));
        }
        let mut latest: Option<Timestamp> = None;
        for i in 0..n {
            let created = t.created[i];
            let events = [
                t.first_response[i],
                t.first_solved[i],
                t.final_solved[i],
                t.first_reopened[i],
            ];
            if events.iter().flatten().any(|&e| e < created) {
                return Err(out_of_order("an event is before the ticket was created", i));
            }
            if let (Some(f), Some(l)) = (t.first_solved[i], t.final_solved[i])
                && l < f
            {
                return Err(out_of_order("the final solve is before the first solve", i));
            }
            if t.final_solved[i].is_some() && t.first_solved[i].is_none() {
                return Err(out_of_order("a final solve without a first solve", i));
            }
            if let Some(o) = t.first_reopened[i] {
                match t.first_solved[i] {
                    Some(f) if f <= o => {}
                    _ => return Err(out_of_order("a reopen does not follow a solve", i)),
                }
            }
            let p = &mut t.paused[i];
            p.sort_unstable();
            let mut pause_end = created;
            for &(a, b) in p.iter() {
                if b < a {
                    return Err(out_of_order("a paused interval ends before it starts", i));
                }
                if a < created {
                    return Err(out_of_order(
                        "a paused interval starts before the ticket was created",
                        i,
                    ));
                }
                pause_end = pause_end.max(b);
            }
            *p = union(p);
            let ticket_latest = events
                .iter()
                .flatten()
                .copied()
                .chain([pause_end])
                .fold(created, Timestamp::max);
            t.ticket_latest.push(ticket_latest);
            latest = latest.max(Some(ticket_latest));
        }
        t.latest = latest;
        t.solved_periods = match records {
            Some((periods, record_latest)) => {
                for (i, l) in record_latest.into_iter().enumerate() {
                    if l > t.ticket_latest[i] {
                        t.ticket_latest[i] = l;
                        t.latest = t.latest.max(Some(l));
                    }
                }
                periods
            }
            None => (0..n)
                .map(|i| match (t.first_solved[i], t.first_reopened[i]) {
                    (Some(solve), Some(reopen)) => vec![(solve, reopen)],
                    _ => Vec::new(),
                })
                .collect(),
        };
        Ok(t)
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
