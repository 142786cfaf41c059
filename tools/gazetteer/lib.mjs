// Shared helpers for griot's gazetteer generators (Node 20, no dependencies
// beyond the packages pinned in package.json).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const require = createRequire(import.meta.url);
export const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = path.resolve(TOOL_DIR, '..', '..');
export const DATA_DIR = path.join(REPO_DIR, 'data', 'gazetteer');
export const ISO_CODES_DIR = process.env.ISO_CODES_JSON || '/usr/share/iso-codes/json';

export function warn(msg) {
  process.stderr.write(`warning: ${msg}\n`);
}

export function note(msg) {
  process.stderr.write(`note: ${msg}\n`);
}

export function die(msg) {
  process.stderr.write(`error: ${msg}\n`);
  process.exit(1);
}

export function outDirFromArgv(script) {
  const out = process.argv[2];
  if (!out) die(`usage: node ${script} OUTDIR`);
  fs.mkdirSync(out, { recursive: true });
  return out;
}

export function readIsoCodes(name, key) {
  const file = path.join(ISO_CODES_DIR, name);
  if (!fs.existsSync(file)) die(`${file} not found: install Debian's iso-codes package (apt-get install -y iso-codes)`);
  return JSON.parse(fs.readFileSync(file, 'utf8'))[key];
}

// Reads an authored TSV file: first non-comment line is the header; lines
// starting with '#' and blank lines are skipped. Returns objects keyed by the
// header's column names (missing trailing cells become '').
export function readTsv(file) {
  const text = fs.readFileSync(file, 'utf8');
  let header = null;
  const rows = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (!header) { header = cells.map((c) => c.trim()); return; }
    const row = { _line: i + 1 };
    header.forEach((h, j) => { row[h] = (cells[j] ?? '').trim(); });
    if (cells.length > header.length) warn(`${path.basename(file)}:${i + 1}: ${cells.length} cells, header has ${header.length}`);
    rows.push(row);
  });
  return rows;
}

const SPECIAL_LATIN = {
  'ß': 'ss', 'ẞ': 'SS', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ø': 'o', 'Ø': 'O',
  'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'Th', 'ł': 'l', 'Ł': 'L',
  'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'ŀ': 'l', 'Ŀ': 'L', 'ŧ': 't', 'Ŧ': 'T', 'ƒ': 'f',
  'ŋ': 'ng', 'Ŋ': 'NG', 'ɛ': 'e', 'Ɛ': 'E', 'ɔ': 'o', 'Ɔ': 'O', 'ƴ': 'y', 'Ƴ': 'Y',
  'ɗ': 'd', 'Ɗ': 'D', 'ɓ': 'b', 'Ɓ': 'B',
  '‘': "'", '’': "'", 'ʻ': "'", 'ʼ': "'", 'ʿ': "'", 'ʾ': "'", '`': "'", '´': "'",
  '–': '-', '—': '-',
};

// Accent-folded ASCII spelling (what the ascii column holds). Characters
// with no Latin transliteration are dropped.
export function toAscii(s) {
  let out = '';
  for (const ch of s.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    out += SPECIAL_LATIN[ch] ?? ch;
  }
  return out.replace(/[^\x20-\x7E]/g, '').replace(/\s+/g, ' ').trim();
}

// Comparison key: ASCII, lower case, punctuation-insensitive.
export function foldKey(s) {
  return toAscii(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export function isLatinScript(s) {
  return /^[\p{Script=Latin}\p{M}\p{N}\p{P}\p{Zs}\u02BB\u02BC\u02BF\u02BE]+$/u.test(s);
}

// Code-point order, independent of the machine's locale.
export function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Written beside the file and renamed over it: the file is replaced whole, never rewritten
// in place, so that a griot process that has it mapped (the gazetteer is read through mmap)
// keeps seeing the old bytes instead of a truncated file.
export function writeFile(file, text) {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
  process.stderr.write(`wrote ${file}\n`);
}

export function tsvCell(v) {
  return String(v ?? '').replace(/[\t\r\n]+/g, ' ');
}
