#!/usr/bin/env node
// The citeproc-js side of the benchmark: what a script built on citeproc-js does for one job.
//   node citeproc.js STYLE.csl LOCALE.xml ITEMS.json cite ID   -> the first note citing item ID
//   node citeproc.js STYLE.csl LOCALE.xml ITEMS.json bib       -> the bibliography of every item
// Needs NODE_PATH to hold the npm package "citeproc" (bench.py sets it).
'use strict';
const fs = require('fs');
const CSL = require('citeproc');

const [stylePath, localePath, itemsPath, mode, id] = process.argv.slice(2);
if (!mode || (mode === 'cite' && !id)) {
  process.stderr.write('usage: node citeproc.js STYLE.csl LOCALE.xml ITEMS.json cite ID | bib\n');
  process.exit(2);
}
const style = fs.readFileSync(stylePath, 'utf8');
const locale = fs.readFileSync(localePath, 'utf8');
const items = JSON.parse(fs.readFileSync(itemsPath, 'utf8'));
const byId = new Map(items.map((item) => [String(item.id), item]));
const engine = new CSL.Engine({ retrieveLocale: () => locale, retrieveItem: (key) => byId.get(String(key)) },
  style, 'en-US', true);
engine.setOutputFormat('text');

if (mode === 'cite') {
  if (!byId.has(id)) {
    process.stderr.write(`no item ${id}\n`);
    process.exit(1);
  }
  const cluster = { citationID: 'c1', citationItems: [{ id }], properties: { noteIndex: 1 } };
  const [, updates] = engine.processCitationCluster(cluster, [], []);
  process.stdout.write(updates.map(([, text]) => text).join('\n') + '\n');
} else if (mode === 'bib') {
  engine.updateItems(items.map((item) => String(item.id)));
  const [, entries] = engine.makeBibliography();
  process.stdout.write(entries.join(''));
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
