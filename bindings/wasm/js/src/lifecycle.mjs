// Lifecycle metrics: conversion, retention, churn, revenue retention, customer lifetime value.

import { argumentError, call } from "./errors.mjs";
import { given, numberArg, optionalNumber, optionalString, optionsArg } from "./options.mjs";
import { raw } from "./raw.mjs";
import { Estimated, fromRaw, Result } from "./results.mjs";

/** A rate in percent (conversion, retention) with its counts; a proportion. */
class RateResult extends Estimated {}
/** A churn rate in percent, annualised when asked; a proportion. */
class ChurnResult extends Estimated {}
/** Net and gross revenue retention in percent; a ratio of amounts, so no interval. */
class RevenueRetentionResult extends Result {}

/** Conversion rate: 100 × conversions / interactions. */
export function conversionRate(conversions, interactions) {
  const c = numberArg(conversions, "conversions");
  const n = numberArg(interactions, "interactions");
  return fromRaw(
    RateResult,
    call(() => raw.conversionRate(c, n)),
  );
}

/** Customer retention rate: 100 × (end − newCustomers) / start. */
export function retentionRate(start, end, newCustomers) {
  const s = numberArg(start, "start");
  const e = numberArg(end, "end");
  const nw = numberArg(newCustomers, "newCustomers");
  return fromRaw(
    RateResult,
    call(() => raw.retentionRate(s, e, nw)),
  );
}

/**
 * Churn rate: 100 × churned / denominator ({ denominator: "start" (default) |
 * "up_for_renewal" (with upForRenewal) | "average" (with end), periodsPerYear,
 * annualize: "compound" (default) | "simple" }).
 */
export function churnRate(churned, start, options) {
  const o = optionsArg(options, ["denominator", "upForRenewal", "end", "periodsPerYear", "annualize"], "churnRate");
  const c = numberArg(churned, "churned");
  const s = numberArg(start, "start");
  const denominator = optionalString(o.denominator, "denominator");
  const renewal = optionalNumber(o.upForRenewal, "upForRenewal");
  const end = optionalNumber(o.end, "end");
  const periods = optionalNumber(o.periodsPerYear, "periodsPerYear");
  const annualize = optionalString(o.annualize, "annualize");
  return fromRaw(
    ChurnResult,
    call(() => raw.churnRate(c, s, denominator, renewal, end, periods, annualize)),
  );
}

function requiredNumber(o, name, fn, example) {
  if (!given(o[name])) throw argumentError(name, `${fn}() needs ${name}, e.g. ${example}`);
  return numberArg(o[name], name);
}

/**
 * Net and gross revenue retention of the starting cohort, in percent:
 * NRR = 100 × (start + expansion − contraction − churned) / start, GRR without expansion
 * ({ expansion, contraction, churned } required).
 */
export function revenueRetention(start, options) {
  const o = optionsArg(options, ["expansion", "contraction", "churned"], "revenueRetention");
  const s = numberArg(start, "start");
  const example = "{ expansion: 15000, contraction: 3000, churned: 7000 } (revenue of the starting cohort)";
  const x = requiredNumber(o, "expansion", "revenueRetention", example);
  const c = requiredNumber(o, "contraction", "revenueRetention", example);
  const ch = requiredNumber(o, "churned", "revenueRetention", example);
  return fromRaw(
    RevenueRetentionResult,
    call(() => raw.revenueRetention(s, x, c, ch)),
  );
}

/** Customer lifetime value from churn: arpu × margin / (churn / 100) ({ margin, churn } required). */
export function clvFromChurn(arpu, options) {
  const o = optionsArg(options, ["margin", "churn"], "clvFromChurn");
  const a = numberArg(arpu, "arpu");
  const margin = requiredNumber(
    o,
    "margin",
    "clvFromChurn",
    "{ margin: 0.7, churn: 4 } (a fraction; percent per period)",
  );
  const churn = requiredNumber(o, "churn", "clvFromChurn", "{ margin: 0.7, churn: 4 } (percent per period)");
  return call(() => raw.clvFromChurn(a, margin, churn));
}

/** Customer lifetime value from retention ({ retention } in percent per period, required). */
export function clvFromRetention(arpu, options) {
  const o = optionsArg(options, ["retention"], "clvFromRetention");
  const a = numberArg(arpu, "arpu");
  const retention = requiredNumber(o, "retention", "clvFromRetention", "{ retention: 96 } (percent per period)");
  return call(() => raw.clvFromRetention(a, retention));
}
