// Generates a synthetic corpus of JSON lines from the demo articles (examples/sahel) for the
// store's crash-safety test and the ingest benchmark. Document i is demo article i % 70 with
// a random subset of its paragraphs reordered, two paragraphs borrowed from other articles, its date moved by
// whole weeks, and its numbers varied; every 25th document repeats the previous one exactly
// and every 40th is a near-copy of the previous one (a line added), to exercise duplicate
// and near-duplicate detection. Deterministic: the same N gives the same file.
//
//   node make_corpus.mjs EXAMPLES_DIR OUT.jsonl N
import fs from 'node:fs';
import path from 'node:path';

const [dir, out, nArg] = process.argv.slice(2);
const n = Number(nArg);
if (!dir || !out || !(n > 0)) {
  console.error('usage: node make_corpus.mjs EXAMPLES_DIR OUT.jsonl N');
  process.exit(2);
}

const articles = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  const [header, ...rest] = text.split(/\n\n/);
  const meta = {};
  for (const line of header.split('\n')) {
    const m = line.match(/^(\w+):\s*(.*)$/);
    if (m) meta[m[1].toLowerCase()] = m[2];
  }
  return { meta, paragraphs: rest.join('\n\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) };
});

// A small deterministic generator (mulberry32).
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shiftDate(iso, days) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const fd = fs.openSync(out, 'w');
let prev = null;
let buffer = [];
for (let i = 0; i < n; i++) {
  let doc;
  if (prev && i % 25 === 0) {
    doc = { ...prev, id: `gen-${i}` };
  } else if (prev && i % 40 === 0) {
    doc = { ...prev, id: `gen-${i}`, text: prev.text + '\n\nThis report was also distributed to partner newspapers.' };
  } else {
    const a = articles[i % articles.length];
    const r = rng(i + 1);
    // A random half or more of the article's later paragraphs, shuffled, and two paragraphs
    // borrowed from other articles: enough change that copies of one article are not
    // near-duplicates of each other.
    let paras = a.paragraphs.slice(1).filter(() => r() < 0.6);
    for (let k = paras.length - 1; k > 0; k--) {
      const j = Math.floor(r() * (k + 1));
      [paras[k], paras[j]] = [paras[j], paras[k]];
    }
    for (let b = 0; b < 2; b++) {
      const other = articles[Math.floor(r() * articles.length)];
      paras.splice(Math.floor(r() * (paras.length + 1)), 0, other.paragraphs[Math.floor(r() * other.paragraphs.length)]);
    }
    paras.unshift(a.paragraphs[0]);
    let text = paras.join('\n\n');
    text = text.replace(/\b(\d{1,3})\b(?! (January|February|March|April|May|June|July|August|September|October|November|December))/g,
                        (m) => String(Number(m) + (i % 7)));
    const weeks = Math.floor(i / articles.length);
    doc = {
      id: `gen-${i}`,
      title: a.meta.title,
      source: a.meta.source,
      url: `${a.meta.url}?copy=${i}`,
      date: shiftDate(a.meta.date, 7 * weeks),
      text,
    };
  }
  prev = doc;
  buffer.push(JSON.stringify(doc));
  if (buffer.length >= 1000) {
    fs.writeSync(fd, buffer.join('\n') + '\n');
    buffer = [];
  }
}
if (buffer.length) fs.writeSync(fd, buffer.join('\n') + '\n');
fs.closeSync(fd);
