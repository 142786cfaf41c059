#!/usr/bin/env node
// Builds griot's part-of-speech model (data/generated/pos_model.txt) at set-up time from
// two Debian data packages. Node 20, no npm dependencies; reads nothing from the network.
//
//   node tools/tagger/build_model.mjs OUT_FILE
//
// Inputs (paths can be overridden with FESTLEX_DIR and WORDNET_DIR):
//   festlex-poslex  /usr/share/festival/dicts/wsj.wp39.poslexR       lexicon: word -> log P(word|tag)
//                   /usr/share/festival/dicts/wsj.wp39.tri.ngrambin  tag trigram counts (EST binary)
//   wordnet-base    /usr/share/wordnet/index.{noun,verb,adj,adv}      lemma -> parts of speech
//                   /usr/share/wordnet/data.{noun,verb,adj,adv}       how lemmas are written (case)
//                   /usr/share/wordnet/{noun,verb,adj}.exc            irregular inflections
//
// The festlex data is Copyright (c) 1996,1997 Centre for Speech Technology Research,
// University of Edinburgh; WordNet 3.0 is Copyright 2006 Princeton University. Both licences
// require their notices to travel with derived copies: the generated file repeats them in its
// header, and docs/tagger.md states what griot changed. The output is a derived, modified
// form of these data (format converted, counts recovered, tags renamed, two non-tags
// dropped): it is generated on each machine and never committed.
//
// What the converter does (docs/tagger.md has the full description):
//  * ngrambin: "Ngra" magic (4 bytes; their order tells the writer's byte order), the text
//    "mBin_2 <order>\n", a line of context vocabulary, a line of predicted vocabulary, then
//    IEEE doubles: a dense table of V^(order-1) contexts x V predicted tags, the context
//    index counting with its last tag as the least significant digit. Runs of equal values
//    are stored once followed by a negative double -n (the value repeats n times). Values are
//    counts in which counts 0, 1 and 2 were replaced by smoothed (Good-Turing) values — the
//    only non-integers in the table; they are mapped back to 0, 1, 2 in increasing order.
//  * poslexR: one s-expression per word, ("word" ((tag logprob) ...) () ), natural logs of
//    P(word|tag). Counts are recovered as exp(logprob) * count(tag), count(tag) from the
//    trigram table (rounded to integers, at least 1; a tag whose probabilities sum above 1 is
//    first scaled to sum to 1).
//  * The tags "1" and "2" of the festlex files are not Penn Treebank tags (95 and 1
//    occurrences; "1" marks words the source corpus left ambiguous) and are dropped.
import fs from 'node:fs';
import path from 'node:path';

const FESTLEX_DIR = process.env.FESTLEX_DIR || '/usr/share/festival/dicts';
const WORDNET_DIR = process.env.WORDNET_DIR || '/usr/share/wordnet';

function die(msg) {
  process.stderr.write(`error: ${msg}\n`);
  process.exit(1);
}
function note(msg) {
  process.stderr.write(`note: ${msg}\n`);
}

const out = process.argv[2];
if (!out) die('usage: node build_model.mjs OUT_FILE');

function mustRead(file, hint) {
  if (!fs.existsSync(file)) die(`${file} not found: ${hint}`);
  return fs.readFileSync(file);
}

// Festlex tag names -> griot's HMM class names (Penn Treebank names; "of" is its own class
// in festlex and becomes IN on output, "punc" covers every punctuation tag, "prp" covers
// PRP and PRP$, "wp" covers WP and WP$).
const kClassName = {
  nn: 'NN', punc: 'PUNC', nnp: 'NNP', dt: 'DT', in: 'IN', jj: 'JJ', nns: 'NNS', cd: 'CD',
  rb: 'RB', vbd: 'VBD', vb: 'VB', prp: 'PRP', cc: 'CC', of: 'OF', to: 'TO', vbz: 'VBZ',
  vbn: 'VBN', vbg: 'VBG', vbp: 'VBP', md: 'MD', pos: 'POS', wdt: 'WDT', jjr: 'JJR', wp: 'WP',
  nnps: 'NNPS', wrb: 'WRB', jjs: 'JJS', rbr: 'RBR', rp: 'RP', ex: 'EX', rbs: 'RBS',
  pdt: 'PDT', fw: 'FW', uh: 'UH', sym: 'SYM', ls: 'LS',
};
const kDropped = new Set(['1', '2']);

// ---- the EST binary trigram -------------------------------------------------------------
function readNgramBin(file) {
  const buf = mustRead(file, 'install Debian package festlex-poslex');
  const magic = buf.subarray(0, 4).toString('latin1');
  let bigEndian;
  if (magic === 'Ngra') bigEndian = true;
  else if (magic === 'argN') bigEndian = false;
  else die(`${file}: not an EST ngram binary (magic ${JSON.stringify(magic)})`);
  // Three text lines after the magic: "mBin_2 <order>", vocabulary, predicted vocabulary.
  let pos = 4;
  const lines = [];
  for (let i = 0; i < 3; ++i) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) die(`${file}: truncated header`);
    lines.push(buf.subarray(pos, nl).toString('latin1'));
    pos = nl + 1;
  }
  const head = lines[0].trim().split(/\s+/);
  if (head[0] !== 'mBin_2') die(`${file}: unknown header ${JSON.stringify(lines[0])}`);
  const order = Number(head[1]);
  const vocab = lines[1].trim().split(/\s+/);
  const pred = lines[2].trim().split(/\s+/);
  if (order !== 3) die(`${file}: order ${order}, expected a trigram`);
  if (vocab.join(' ') !== pred.join(' ')) die(`${file}: context and predicted vocabularies differ`);
  const nDoubles = Math.floor((buf.length - pos) / 8);
  const raw = [];
  for (let i = 0; i < nDoubles; ++i) {
    raw.push(bigEndian ? buf.readDoubleBE(pos + 8 * i) : buf.readDoubleLE(pos + 8 * i));
  }
  // Run-length decoding: a value followed by -n stands for n copies.
  const V = vocab.length;
  const want = V * V * V;
  const dense = [];
  for (let i = 0; i < raw.length; ++i) {
    const v = raw[i];
    if (!Number.isFinite(v) || v < 0) die(`${file}: bad value ${v} at double ${i}`);
    if (i + 1 < raw.length && raw[i + 1] < -1) {
      const n = -raw[i + 1];
      if (!Number.isInteger(n)) die(`${file}: bad run length ${n}`);
      for (let k = 0; k < n; ++k) dense.push(v);
      ++i;
    } else {
      dense.push(v);
    }
  }
  if (dense.length !== want) die(`${file}: ${dense.length} values, expected ${V}^3 = ${want}`);
  // Smoothed stand-ins for small counts are the only non-integers: map them back.
  const smoothed = [...new Set(dense.filter((v) => !Number.isInteger(v)))].sort((a, b) => a - b);
  if (smoothed.length > 5) die(`${file}: ${smoothed.length} non-integer values, expected a few smoothed small counts`);
  smoothed.forEach((v, r) => {
    if (v >= r + 1 || (r > 0 && v <= r - 1)) die(`${file}: smoothed value ${v} does not fit count ${r}`);
  });
  const counts = dense.map((v) => (Number.isInteger(v) ? v : smoothed.indexOf(v)));
  note(`${path.basename(file)}: ${V} tags, ${raw.length} stored doubles, smoothed values ${smoothed.map((v) => v.toFixed(4)).join(' ')} -> counts 0..${smoothed.length - 1}`);
  return { vocab, counts };
}

// ---- the festlex lexicon ----------------------------------------------------------------
function readLexicon(file) {
  const text = mustRead(file, 'install Debian package festlex-poslex').toString('latin1');
  const entries = [];
  const re = /^\("((?:[^"\\]|\\.)*)" \(((?:\([^()]*\)\s*)*)\)/;
  let lineNo = 0;
  let skipped = 0;
  for (const line of text.split('\n')) {
    ++lineNo;
    if (!line.startsWith('(')) continue;  // the "MNCL" header
    const m = re.exec(line);
    if (!m) {
      note(`${path.basename(file)}:${lineNo}: unreadable entry skipped`);
      ++skipped;
      continue;
    }
    const word = m[1].replace(/\\(.)/g, '$1');
    const tags = [];
    for (const t of m[2].matchAll(/\((\S+) (-?[0-9.]+)\)/g)) tags.push([t[1], Number(t[2])]);
    entries.push({ word, tags });
  }
  return { entries, skipped };
}

// ---- WordNet ----------------------------------------------------------------------------
function readWordNet() {
  const lemmas = new Map();  // lemma -> set of n v a r
  for (const [file, letter] of [['index.noun', 'n'], ['index.verb', 'v'], ['index.adj', 'a'], ['index.adv', 'r']]) {
    const text = mustRead(path.join(WORDNET_DIR, file), 'install Debian package wordnet-base').toString('utf8');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;  // licence header lines start with spaces
      const lemma = line.slice(0, line.indexOf(' '));
      if (lemma.includes('_')) continue;  // multi-word lemmas: griot tags single tokens
      if (!lemmas.has(lemma)) lemmas.set(lemma, new Set());
      lemmas.get(lemma).add(letter);
    }
  }
  // The case WordNet writes a lemma in (data.* keep it, index.* drop it): 'L' marks lemmas
  // written in lower case somewhere (common words: "jihadist"), 'A' adjectives written with
  // a capital ("Algerian", "Islamic": nationality and other proper adjectives).
  for (const [file, isAdj] of [['data.noun', false], ['data.verb', false], ['data.adj', true], ['data.adv', false]]) {
    const text = mustRead(path.join(WORDNET_DIR, file), 'install Debian package wordnet-base').toString('utf8');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const count = parseInt(f[3], 16);
      for (let i = 0; i < count; ++i) {
        const word = (f[4 + 2 * i] || '').replace(/\([a-z]+\)$/, '');
        if (!word || word.includes('_')) continue;
        const lemma = word.toLowerCase();
        let flag = null;
        if (word === lemma && /[a-z]/.test(word)) flag = 'L';
        else if (isAdj && /^[A-Z]/.test(word)) flag = 'A';
        if (!flag) continue;
        if (!lemmas.has(lemma)) lemmas.set(lemma, new Set());
        lemmas.get(lemma).add(flag);
      }
    }
  }
  const exceptions = [];  // [form, pos letter, lemma]
  for (const [file, letter] of [['noun.exc', 'n'], ['verb.exc', 'v'], ['adj.exc', 'a']]) {
    const text = mustRead(path.join(WORDNET_DIR, file), 'install Debian package wordnet-base').toString('utf8');
    for (const line of text.split('\n')) {
      const f = line.trim().split(/\s+/);
      if (f.length < 2 || f[0].includes('_')) continue;
      for (const lemma of f.slice(1)) if (!lemma.includes('_')) exceptions.push([f[0], letter, lemma]);
    }
  }
  return { lemmas, exceptions };
}

// ---- build ------------------------------------------------------------------------------
const ngram = readNgramBin(path.join(FESTLEX_DIR, 'wsj.wp39.tri.ngrambin'));
const V = ngram.vocab.length;
for (const t of ngram.vocab) {
  if (!kClassName[t] && !kDropped.has(t)) die(`unknown festlex tag ${JSON.stringify(t)}`);
}
const keep = ngram.vocab.map((t, i) => (kDropped.has(t) ? -1 : i)).filter((i) => i >= 0);
const newIndex = new Map(keep.map((old, k) => [old, k]));
const classes = keep.map((i) => kClassName[ngram.vocab[i]]);

const tagCount = new Array(V).fill(0);
const trigramLines = [];
let trigramTotal = 0;
for (let a = 0; a < V; ++a) {
  for (let b = 0; b < V; ++b) {
    for (let c = 0; c < V; ++c) {
      const n = ngram.counts[(a * V + b) * V + c];
      if (n === 0) continue;
      tagCount[c] += n;
      if (!newIndex.has(a) || !newIndex.has(b) || !newIndex.has(c)) continue;
      trigramLines.push(`t\t${newIndex.get(a)}\t${newIndex.get(b)}\t${newIndex.get(c)}\t${n}`);
      trigramTotal += n;
    }
  }
}

const lex = readLexicon(path.join(FESTLEX_DIR, 'wsj.wp39.poslexR'));
// The lexicon's P(word|tag) of one tag sum to 1 or less (rare words pruned), except for
// "in" (1.28) and "rp" (1.06), whose lexicon counts exceed the trigram's. Those tags are
// scaled so that their word counts add up to the tag's trigram count; the scaled counts then
// come out as integers like all the others, which confirms the correction.
const probSum = new Array(V).fill(0);
for (const { word, tags } of lex.entries) {
  for (const [tag, logp] of tags) {
    const i = ngram.vocab.indexOf(tag);
    if (i < 0) die(`lexicon tag ${JSON.stringify(tag)} of ${JSON.stringify(word)} is not in the trigram vocabulary`);
    probSum[i] += Math.exp(logp);
  }
}
ngram.vocab.forEach((t, i) => {
  if (probSum[i] > 1.01) note(`lexicon probabilities of tag ${t} sum to ${probSum[i].toFixed(3)}: scaled to 1`);
});
const wordLines = [];
let droppedWords = 0;
let worstRounding = 0;
for (const { word, tags } of lex.entries) {
  const parts = [];
  for (const [tag, logp] of tags) {
    if (kDropped.has(tag)) continue;
    const i = ngram.vocab.indexOf(tag);
    const n = (Math.exp(logp) / Math.max(1, probSum[i])) * tagCount[i];
    worstRounding = Math.max(worstRounding, Math.abs(n - Math.round(n)) / Math.max(1, n));
    // Recovered counts are integers up to the 3-decimal rounding of the logs; keep >= 1.
    const count = Math.max(1, Math.round(n));
    parts.push(`${kClassName[tag]}=${count}`);
  }
  if (parts.length === 0 || /\s/.test(word) || word.length === 0) {
    ++droppedWords;
    continue;
  }
  wordLines.push(`w\t${word}\t${parts.join(' ')}`);
}

const wn = readWordNet();
const lemmaLines = [];
for (const [lemma, set] of [...wn.lemmas.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
  lemmaLines.push(`n\t${lemma}\t${['n', 'v', 'a', 'r', 'A', 'L'].filter((p) => set.has(p)).join('')}`);
}
const excLines = wn.exceptions.map(([form, p, lemma]) => `x\t${form}\t${p}\t${lemma}`);

const header = [
  '# griot part-of-speech model: generated by tools/tagger/build_model.mjs. Do not edit; do not commit.',
  '# Format and use: docs/tagger.md. Lines: classes, t (tag trigram counts), w (word tag counts),',
  '# n (WordNet lemma parts of speech n v a r; A = adjective written with a capital,',
  '# L = written in lower case somewhere),',
  '# x (WordNet irregular forms).',
  '#',
  '# Tag trigram and lexicon: derived from festlex-poslex (wsj.wp39.tri.ngrambin, wsj.wp39.poslexR).',
  '# Modified by griot: converted from EST binary and s-expression formats, smoothed small counts',
  '# mapped back to raw counts, word counts recovered from log probabilities, tags renamed,',
  '# the non-Penn tags "1" and "2" removed.',
  '#                Centre for Speech Technology Research',
  '#                     University of Edinburgh, UK',
  '#                      Copyright (c) 1996,1997',
  '#                        All Rights Reserved.',
  '#  Permission is hereby granted, free of charge, to use and distribute this software and its',
  '#  documentation without restriction, including without limitation the rights to use, copy,',
  '#  modify, merge, publish, distribute, sublicense, and/or sell copies of this work, and to',
  '#  permit persons to whom this work is furnished to do so, subject to the following conditions:',
  '#   1. The code must retain the above copyright notice, this list of conditions and the',
  '#      following disclaimer.',
  '#   2. Any modifications must be clearly marked as such.',
  '#   3. Original authors\' names are not deleted.',
  '#   4. The authors\' names are not used to endorse or promote products derived from this',
  '#      software without specific prior written permission.',
  '#  THE UNIVERSITY OF EDINBURGH AND THE CONTRIBUTORS TO THIS WORK DISCLAIM ALL WARRANTIES WITH',
  '#  REGARD TO THIS SOFTWARE, INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS, IN',
  '#  NO EVENT SHALL THE UNIVERSITY OF EDINBURGH NOR THE CONTRIBUTORS BE LIABLE FOR ANY SPECIAL,',
  '#  INDIRECT OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA',
  '#  OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING',
  '#  OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.',
  '#',
  '# Lemmas and irregular forms: derived from WordNet 3.0 (Debian package wordnet-base); griot keeps',
  '# single-word lemmas with their parts of speech and the exception lists, nothing else.',
  '#  WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.',
  '#  THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO',
  '#  REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,',
  '#  PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-ABILITY OR FITNESS',
  '#  FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR',
  '#  DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.',
  '#  The name of Princeton University or Princeton may not be used in advertising or publicity',
  '#  pertaining to distribution of the software and/or database. Title to copyright in this',
  '#  software, database and any associated documentation shall at all times remain with',
  '#  Princeton University and LICENSEE agrees to preserve same.',
  'griot-pos-model\t1',
  `classes\t${classes.join(' ')}`,
];
const body = [...header, ...trigramLines, ...wordLines, ...lemmaLines, ...excLines, 'end', ''].join('\n');
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
const tmp = `${out}.tmp`;
fs.writeFileSync(tmp, body);
fs.renameSync(tmp, out);
note(`${out}: ${classes.length} classes, ${trigramLines.length} trigrams (${trigramTotal} tag tokens), ` +
     `${wordLines.length} words (${droppedWords} left without a Penn tag, ${lex.skipped} unreadable; ` +
     `worst count rounding ${(100 * worstRounding).toFixed(2)} %), ${lemmaLines.length} WordNet lemmas, ` +
     `${excLines.length} irregular forms`);
