#!/usr/bin/env node
// check_outputs.mjs OUTDIR
//
// Spot checks on the files written by gen_countries.mjs and gen_places.mjs.
// Prints one line per check and a closing "N passed, N failed" line; exits
// non-zero when a check fails.
import fs from 'node:fs';
import path from 'node:path';

const OUT = process.argv[2];
if (!OUT) {
  process.stderr.write('usage: node check_outputs.mjs OUTDIR\n');
  process.exit(2);
}
const read = (f) => fs.readFileSync(path.join(OUT, f), 'utf8');
const actorsText = read('countries.actors.txt');
const countriesTsv = read('countries.tsv').trimEnd().split('\n').map((l) => l.split('\t'));
const placesTsv = read('places.tsv').trimEnd().split('\n').map((l) => l.split('\t'));

// phrase -> code, following the actors syntax (synonyms take the primary's code)
const phraseCode = new Map();
let current = null;
for (const raw of actorsText.split('\n')) {
  const line = raw.replace(/\s+#.*$/, '').trimEnd();
  if (!line || line.startsWith('#')) continue;
  const m = line.match(/^(\+?)(\S+)(?:\s+\[([A-Z]+)\])?$/);
  if (!m) { phraseCode.set(`!bad:${line}`, ''); continue; }
  if (!m[1]) current = m[3] || null;
  if (phraseCode.has(m[2])) phraseCode.set(`!dup:${m[2]}`, '');
  phraseCode.set(m[2], current);
}

const PLACE_HEADER = ['name', 'ascii', 'country', 'admin1', 'admin1_name', 'lat', 'lon', 'population', 'kind', 'id'];
const places = placesTsv.slice(1).map((c) => Object.fromEntries(PLACE_HEADER.map((h, i) => [h, c[i] ?? ''])));
const findPlace = (pred) => places.find(pred);

let passed = 0;
let failed = 0;
function check(label, ok) {
  if (ok) passed++; else failed++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${label}\n`);
}

check('actors: every line parses, no duplicate phrase',
  ![...phraseCode.keys()].some((k) => k.startsWith('!')));
for (const [p, code] of [
  ['MALI_', 'MLI'], ['MALIAN_', 'MLI'], ['MALIANS_', 'MLI'], ['REPUBLIC_OF_MALI_', 'MLI'],
  ['RUSSIA_', 'RUS'], ['RUSSIAN_FEDERATION_', 'RUS'], ['UNITED_STATES_', 'USA'], ['U.S._', 'USA'],
  ['BURKINA_FASO_', 'BFA'], ['BURKINABE_', 'BFA'], ['NIGER_', 'NER'], ['NIGERIEN_', 'NER'],
  ['NIGERIENS_', 'NER'], ['NIGERIAN_', 'NGA'], ['BOLIVIA_', 'BOL'],
  ['PLURINATIONAL_STATE_OF_BOLIVIA_', 'BOL'], ['REPUBLIC_OF_KOREA_', 'KOR'], ['THE_GAMBIA_', 'GMB'],
  ['GAMBIA_', 'GMB'], ['FRENCH_', 'FRA'], ['DOMINICAN_', 'DOM'], ['IVORY_COAST_', 'CIV'],
  ['KREMLIN_', 'RUSGOV'], ['KOULOUBA_', 'MLIGOV'], ['BAMAKO_', 'MLIGOV'], ['WHITE_HOUSE_', 'USAGOV'],
  ['PENTAGON_', 'USAGOVMIL'], ['ÉLYSÉE_', 'FRAGOV'], ['BENGHAZI_', 'LBY'],
]) check(`actors: ${p} -> ${code}`, phraseCode.get(p) === code);
for (const p of ['US_', 'CONGO_', 'CONGOLESE_', 'JERSEY_', 'RÉUNION_', 'WELSH_', 'POLES_']) {
  check(`actors: ${p} absent`, !phraseCode.has(p));
}

check('countries.tsv: header', countriesTsv[0].join('\t') === 'iso3\tiso2\tname\tadjective\tdemonym_plural\tlat\tlon');
check('countries.tsv: at least 240 countries', countriesTsv.length - 1 >= 240);
const mli = countriesTsv.find((c) => c[0] === 'MLI');
check('countries.tsv: MLI row', mli && mli[2] === 'Mali' && mli[3] === 'Malian' && mli[4] === 'Malians' && mli[5] !== '');

check('places.tsv: header', placesTsv[0].join('\t') === PLACE_HEADER.join('\t'));
check('places.tsv: Moura (Mali) present', !!findPlace((p) => p.name === 'Moura' && p.country === 'MLI'));
check('places.tsv: Kidal region ML-8', !!findPlace((p) => p.name === 'Kidal' && p.kind === 'region' && p.admin1 === 'ML-8'));
check('places.tsv: Bamako locality with coordinates', !!findPlace((p) => p.name === 'Bamako'
  && p.kind === 'locality' && p.admin1 === 'ML-BKO' && Math.abs(+p.lat - 12.65) < 0.1 && Math.abs(+p.lon + 8) < 0.1));
const tomb = findPlace((p) => p.name === 'Tombouctou' && p.kind === 'locality');
const timb = findPlace((p) => p.name === 'Timbuktu' && p.kind === 'locality' && p.country === 'MLI');
check('places.tsv: Tombouctou and Timbuktu share an id', tomb && timb && tomb.id === timb.id && tomb.lat !== '');
check('places.tsv: Tillabéri town in NE-6', !!findPlace((p) => p.name === 'Tillabéri' && p.kind === 'locality' && p.admin1 === 'NE-6'));
check('places.tsv: Mali country row', !!findPlace((p) => p.name === 'Mali' && p.kind === 'country' && p.id === 'iso3166-1:MLI'));
check('places.tsv: every row has 10 cells', placesTsv.every((c) => c.length === 10));
const sorted = places.every((p, i) => i === 0 || places[i - 1].ascii.toLowerCase() <= p.ascii.toLowerCase());
check('places.tsv: sorted by ascii name', sorted);

process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
