// ModelZoo web UI: a small single-page front end over the REST API (/api/v1). No build step, no dependencies.
// Everything user-supplied is inserted as text or through the escaping markdown renderer below.
'use strict';

const view = document.getElementById('view');
const TOKEN_KEY = 'modelzoo.token';
const FINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

// ---- API ------------------------------------------------------------------------------------------------------

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token()) headers.Authorization = 'Bearer ' + token();
  const response = await fetch('/api/v1' + path, Object.assign({}, options, { headers }));
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(body && body.detail ? body.detail : response.status + ' ' + response.statusText);
    error.problem = body;
    error.status = response.status;
    throw error;
  }
  return body;
}

function postJson(path, body) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

// ---- DOM helpers --------------------------------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svgEl(tag, attributes = {}, text) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function show(...nodes) {
  view.replaceChildren(...nodes);
}

function errorBox(error) {
  const box = el('div', { class: 'error', role: 'alert' }, error.message);
  const violations = error.problem && error.problem.violations;
  if (violations) {
    box.append(el('ul', {}, violations.map(v => el('li', {},
      [v.rule || v.field, ': ', v.message, v.suggestion ? ' - ' + v.suggestion : ''].join('')))));
  }
  return box;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;',
    "'": '&#39;' })[c]);
}

function fmt(value, digits = 4) {
  return typeof value === 'number' ? value.toFixed(digits) : (value === null || value === undefined ? '-' : value);
}

// ---- Markdown (sanitised: the source is escaped first, only our own tags are produced) ---------------------------

function inlineMarkdown(escaped) {
  return escaped
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (match, label, url) =>
      /^(https?:\/\/|\/(?![\/\\])|#)/.test(url) ? '<a href="' + url + '" rel="noopener noreferrer">' + label + '</a>' : label);
}

function renderMarkdown(source) {
  const lines = escapeHtml(source || '').split('\n');
  const html = [];
  let paragraph = [];
  let list = null;
  let code = null;
  const flush = () => {
    if (paragraph.length) html.push('<p>' + inlineMarkdown(paragraph.join(' ')) + '</p>');
    paragraph = [];
    if (list) html.push('</' + list + '>');
    list = null;
  };
  for (const line of lines) {
    if (code !== null) {
      if (line.trim().startsWith('```')) {
        html.push('<pre><code>' + code.join('\n') + '</code></pre>');
        code = null;
      } else code.push(line);
      continue;
    }
    if (line.trim().startsWith('```')) { flush(); code = []; continue; }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    const bullet = line.match(/^\s*[-*]\s+(.*)$/);
    const numbered = line.match(/^\s*\d+\.\s+(.*)$/);
    if (heading) { flush(); html.push('<h' + (heading[1].length + 2) + '>' + inlineMarkdown(heading[2]) + '</h' + (heading[1].length + 2) + '>'); }
    else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      if (paragraph.length) { html.push('<p>' + inlineMarkdown(paragraph.join(' ')) + '</p>'); paragraph = []; }
      if (list !== kind) { if (list) html.push('</' + list + '>'); html.push('<' + kind + '>'); list = kind; }
      html.push('<li>' + inlineMarkdown((bullet || numbered)[1]) + '</li>');
    } else if (!line.trim()) flush();
    else { if (list) { html.push('</' + list + '>'); list = null; } paragraph.push(line.trim()); }
  }
  if (code !== null) html.push('<pre><code>' + code.join('\n') + '</code></pre>');
  flush();
  const container = el('div', { class: 'markdown' });
  container.innerHTML = html.join('\n');
  return container;
}

// ---- Charts (inline SVG) ------------------------------------------------------------------------------------------

function barChart(counts) {
  const entries = Object.entries(counts);
  const max = Math.max(1, ...entries.map(e => e[1]));
  const barHeight = 22;
  const width = 560;
  const svg = svgEl('svg', { width, height: entries.length * barHeight + 10, class: 'bar-chart', role: 'img',
    'aria-label': 'examples per label' });
  entries.forEach(([label, count], i) => {
    const y = i * barHeight + 4;
    const length = Math.round((width - 190) * count / max);
    svg.append(svgEl('text', { x: 0, y: y + 14 }, label.length > 18 ? label.slice(0, 17) + '…' : label));
    svg.append(svgEl('rect', { x: 130, y, width: Math.max(1, length), height: barHeight - 6, fill: '#2f5fd0',
      'data-label': label, 'data-count': count }));
    svg.append(svgEl('text', { x: 136 + length, y: y + 14 }, String(count)));
  });
  return svg;
}

/**
 * Loss (left axis) and validation accuracy (right axis, 0..1) per epoch of every training stage, in order (a stage
 * of gradual unfreezing starts at its epoch 0, before any update); redrawn as points arrive.
 */
function lineChart() {
  const width = 640;
  const height = 260;
  const pad = { left: 48, right: 48, top: 16, bottom: 32 };
  const svg = svgEl('svg', { width, height, id: 'metrics-chart', role: 'img', 'aria-label': 'training curves' });
  const points = [];
  const series = [
    { key: 'trainLoss', color: '#c0392b', label: 'train loss', axis: 'loss' },
    { key: 'validationLoss', color: '#e67e22', label: 'validation loss', axis: 'loss' },
    { key: 'validationAccuracy', color: '#1f8a4c', label: 'validation accuracy', axis: 'accuracy' },
  ];
  function draw() {
    svg.replaceChildren();
    const epochs = Math.max(2, points.length);
    const maxLoss = Math.max(0.1, ...points.flatMap(p => [p.trainLoss || 0, p.validationLoss || 0]));
    const x = index => pad.left + (width - pad.left - pad.right) * index / (epochs - 1);
    const y = (value, axis) => pad.top + (height - pad.top - pad.bottom)
      * (1 - (axis === 'loss' ? value / maxLoss : value));
    svg.append(svgEl('line', { x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom,
      stroke: '#999' }));
    svg.append(svgEl('text', { x: width / 2 - 60, y: height - 8 }, 'epoch (stage by stage)'));
    points.forEach((p, index) => {
      if (p.epoch === 0 && index > 0) {
        svg.append(svgEl('line', { x1: x(index), y1: pad.top, x2: x(index), y2: height - pad.bottom,
          stroke: '#ccc', 'stroke-dasharray': '4 3', class: 'stage-boundary' }));
      }
      if (p.epoch === 0 && p.stage) {
        svg.append(svgEl('text', { x: x(index) + 3, y: height - pad.bottom - 4, class: 'stage-label' }, p.stage));
      }
    });
    svg.append(svgEl('text', { x: 4, y: pad.top + 4 }, fmt(maxLoss, 2)));
    svg.append(svgEl('text', { x: width - pad.right + 6, y: pad.top + 4 }, '1.0'));
    svg.append(svgEl('text', { x: width - pad.right + 6, y: height - pad.bottom }, '0.0'));
    series.forEach((s, i) => {
      const coordinates = points.map((p, index) => [p, index]).filter(([p]) => typeof p[s.key] === 'number')
        .map(([p, index]) => x(index).toFixed(1) + ',' + y(p[s.key], s.axis).toFixed(1));
      svg.append(svgEl('polyline', { points: coordinates.join(' '), fill: 'none', stroke: s.color,
        'stroke-width': 2, class: 'series-' + s.key, 'data-points': coordinates.length }));
      svg.append(svgEl('rect', { x: pad.left + i * 170, y: 0, width: 10, height: 10, fill: s.color }));
      svg.append(svgEl('text', { x: pad.left + 14 + i * 170, y: 9 }, s.label));
    });
  }
  draw();
  return { svg, add(point) { points.push(point); draw(); }, count: () => points.length };
}

/** Ancestors above, the version, descendants below by depth; edges labelled with relation and scores. */
function lineageGraph(lineage) {
  const rows = [];
  [...lineage.ancestors].reverse().forEach(node => rows.push([node]));
  rows.push([lineage.version]);
  const byDepth = {};
  lineage.descendants.forEach(node => (byDepth[node.depth] = byDepth[node.depth] || []).push(node));
  Object.keys(byDepth).sort((a, b) => a - b).forEach(depth => rows.push(byDepth[depth]));
  const boxWidth = 230;
  const boxHeight = 40;
  const rowGap = 70;
  const width = Math.max(520, ...rows.map(r => r.length * (boxWidth + 30)));
  const height = rows.length * (boxHeight + rowGap);
  const svg = svgEl('svg', { width, height, id: 'lineage-graph', role: 'img', 'aria-label': 'lineage' });
  const position = {};
  rows.forEach((row, r) => row.forEach((node, i) => {
    const x = (width - row.length * (boxWidth + 30)) / 2 + i * (boxWidth + 30) + 15;
    position[node.reference] = { x, y: r * (boxHeight + rowGap) + 10 };
  }));
  const metric = (node, name) => (node.metrics || []).find(m => m.name === name);
  Object.values(rows).flat().forEach(node => {
    if (!node.parent || !position[node.parent]) return;
    const from = position[node.parent];
    const to = position[node.reference];
    svg.append(svgEl('line', { x1: from.x + boxWidth / 2, y1: from.y + boxHeight, x2: to.x + boxWidth / 2, y2: to.y,
      stroke: '#687087', 'marker-end': 'url(#arrow)' }));
    const accuracy = metric(node, 'accuracy');
    const gain = metric(node, 'transfer_gain');
    const label = [node.relation, accuracy ? 'acc ' + fmt(accuracy.value, 3) : null,
      gain ? 'gain ' + (gain.value >= 0 ? '+' : '') + fmt(gain.value, 3) : null].filter(Boolean).join(' · ');
    svg.append(svgEl('text', { x: (from.x + to.x) / 2 + boxWidth / 2 + 6, y: (from.y + boxHeight + to.y) / 2 + 4,
      class: 'edge-label' }, label));
  });
  const defs = svgEl('defs');
  const marker = svgEl('marker', { id: 'arrow', markerWidth: 8, markerHeight: 8, refX: 7, refY: 4, orient: 'auto' });
  marker.append(svgEl('path', { d: 'M0,0 L8,4 L0,8 z', fill: '#687087' }));
  defs.append(marker);
  svg.prepend(defs);
  Object.entries(position).forEach(([reference, p]) => {
    const current = reference === lineage.version.reference;
    const link = svgEl('a', { href: '#/models/' + reference.replace('@', '/versions/') });
    link.append(svgEl('rect', { x: p.x, y: p.y, width: boxWidth, height: boxHeight, rx: 8,
      fill: current ? '#2f5fd0' : '#fff', stroke: '#2f5fd0', class: 'lineage-node', 'data-reference': reference }));
    link.append(svgEl('text', { x: p.x + 10, y: p.y + 25, fill: current ? '#fff' : '#1d2330',
      style: current ? 'fill:#fff' : '' }, reference));
    svg.append(link);
  });
  return svg;
}

// ---- Views ---------------------------------------------------------------------------------------------------------

async function catalogView(params) {
  const query = new URLSearchParams(params);
  const filters = el('form', { class: 'filters', id: 'catalog-filters' },
    el('input', { type: 'search', name: 'q', placeholder: 'Search models', value: query.get('q') || '',
      'aria-label': 'search' }),
    select('modality', ['', 'IMAGE', 'TEXT', 'TABULAR', 'AUDIO', 'TIME_SERIES'], query.get('modality')),
    select('task', ['', 'CLASSIFICATION', 'REGRESSION'], query.get('task')),
    el('input', { name: 'tag', placeholder: 'tag', value: query.get('tag') || '', size: 10 }),
    el('input', { name: 'namespace', placeholder: 'namespace', value: query.get('namespace') || '', size: 10 }),
    select('sort', ['', 'relevance', 'downloads', 'recent', 'name'], query.get('sort')),
    el('button', { type: 'submit' }, 'Search'));
  filters.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    new FormData(filters).forEach((value, key) => { if (value) next.set(key, value); });
    location.hash = '#/?' + next;
  });
  const page = Number(query.get('page') || 0);
  query.set('size', '12');
  show(el('h1', {}, 'Models'), filters, el('p', { class: 'muted' }, 'Loading…'));
  const result = await api('/models?' + query);
  const cards = el('div', { class: 'cards', id: 'model-cards' }, result.items.map(model => el('div', {
    class: 'card', 'data-reference': model.reference },
    el('h3', {}, el('a', { href: '#/models/' + model.reference }, model.reference)),
    el('div', { class: 'desc' }, model.description || ''),
    el('div', { class: 'muted' }, [model.modality, JSON.stringify(model.shape), model.task].join(' · ')),
    el('div', {}, model.tags.map(tag => el('span', { class: 'tag' }, tag))),
    el('div', { class: 'muted' }, model.downloads + ' downloads · v' + model.latestVersion,
      model.parent ? el('span', {}, ' · from ', el('a', { href: '#/models/' + model.parent.reference.replace('@',
        '/versions/') }, model.parent.reference)) : ''))));
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  const pager = el('div', { class: 'pager' },
    el('button', { class: 'secondary', disabled: page <= 0, onclick: () => goPage(page - 1) }, '‹ Previous'),
    el('span', { class: 'muted' }, 'page ' + (page + 1) + ' of ' + pages + ' · ' + result.total + ' models'),
    el('button', { class: 'secondary', disabled: page + 1 >= pages, onclick: () => goPage(page + 1) }, 'Next ›'));
  function goPage(number) {
    const next = new URLSearchParams(params);
    next.set('page', number);
    location.hash = '#/?' + next;
  }
  show(el('h1', {}, 'Models'), filters, cards, pager);
}

function select(name, options, value) {
  return el('select', { name, 'aria-label': name }, options.map(option => el('option', {
    value: option, selected: option === (value || '') }, option || name + ': any')));
}

async function modelView(namespace, name, version) {
  const model = await api('/models/' + namespace + '/' + name);
  const v = version ? await api('/models/' + namespace + '/' + name + '/versions/' + version) : model.latest;
  const lineage = await api('/models/' + namespace + '/' + name + '/versions/' + v.version + '/lineage');
  const layers = el('table', { id: 'architecture' },
    el('tr', {}, ['#', 'name', 'type', 'nIn', 'nOut', 'parameters', 'trainable'].map(h => el('th', {}, h))),
    v.architecture.layers.map(layer => el('tr', {}, [layer.index, layer.name, layer.type, layer.nIn ?? '-',
      layer.nOut ?? '-', layer.parameters, layer.trainable ? 'yes' : 'frozen'].map(c => el('td', {}, c)))));
  const metrics = el('table', { id: 'metrics' }, el('tr', {}, ['metric', 'value', '95% interval', 'examples', 'split']
    .map(h => el('th', {}, h))),
    v.metrics.map(m => el('tr', {}, el('td', {}, m.name), el('td', {}, fmt(m.value)),
      el('td', {}, m.interval ? fmt(m.interval[0]) + '–' + fmt(m.interval[1]) : '-'),
      el('td', {}, m.count ?? '-'), el('td', {}, m.split))));
  show(
    el('h1', {}, v.reference),
    el('p', {}, v.description || '', ' ', v.tags.map(tag => el('span', { class: 'tag' }, tag))),
    el('div', { class: 'grid2' },
      el('div', { class: 'panel' },
        el('h2', {}, 'Download'),
        el('a', { id: 'download', href: v.artifactUrl, download: '' }, el('button', { type: 'button' },
          'Download artifact (' + (v.sizeBytes / 1024 / 1024).toFixed(2) + ' MB)')),
        el('p', {}, 'sha256 ', el('code', { id: 'sha256' }, v.sha256)),
        sourcePanel(v),
        el('p', { class: 'muted' }, 'license ' + (v.license || '-') + ' · by ' + v.createdBy + ' · '
          + new Date(v.createdAt).toLocaleString() + ' · ' + v.downloads + ' downloads'),
        v.parent ? el('p', {}, 'Derived (' + v.parent.relation + ') from ',
          el('a', { href: '#/models/' + v.parent.reference.replace('@', '/versions/') }, v.parent.reference)) : ''),
      el('div', { class: 'panel' },
        el('h2', {}, 'Input and output'),
        el('p', {}, el('strong', {}, 'Input: '), v.inputSpec.modality + ' ' + JSON.stringify(v.inputSpec.shape) + ' '
          + v.inputSpec.dtype, el('br'), el('span', { class: 'muted' }, JSON.stringify(v.inputSpec.preprocessing || {}))),
        el('p', {}, el('strong', {}, 'Output: '), v.outputSpec.task + ', ' + v.outputSpec.labels.length + ' labels: '
          + v.outputSpec.labels.slice(0, 12).join(', ') + (v.outputSpec.labels.length > 12 ? ', …' : '')))),
    el('div', { class: 'panel', id: 'card' }, el('h2', {}, 'Model card'), renderMarkdown(v.card)),
    el('div', { class: 'panel' }, el('h2', {}, 'Lineage'), lineageGraph(lineage)),
    el('div', { class: 'grid2' },
      el('div', { class: 'panel' }, el('h2', {}, 'Architecture (' + v.architecture.type + ', '
        + v.architecture.parameterCount.toLocaleString() + ' parameters)'), layers),
      el('div', { class: 'panel' }, el('h2', {}, 'Metrics'), metrics,
        el('h2', {}, 'Versions'), el('ul', {}, model.versions.map(item => el('li', {},
          el('a', { href: '#/models/' + namespace + '/' + name + '/versions/' + item.version }, 'v' + item.version),
          ' · ' + new Date(item.createdAt).toLocaleDateString() + ' · ', el('code', {}, item.sha256.slice(0, 12))))))),
    el('p', {}, el('a', { href: '#/fine-tune?base=' + encodeURIComponent(v.reference) }, 'Fine-tune this model →')));
}

/** For an imported version: the format it was published in, what converted it, and the original upload. */
function sourcePanel(v) {
  const source = v.source;
  if (!source || !source.url) {
    return el('p', { class: 'muted', id: 'source-format' }, 'published as a DL4J ModelSerializer zip');
  }
  const names = { KERAS_H5: 'Keras HDF5', TFJS_LAYERS: 'TF.js layers model' };
  return el('div', { id: 'source' },
    el('p', { id: 'source-format' }, 'Imported from a ', el('strong', {}, names[source.format] || source.format),
      source.kerasVersion ? ' (Keras ' + source.kerasVersion + ')' : '', ', converted by ' + source.converter
      + '; the download above is the converted DL4J network.'),
    el('a', { id: 'download-source', href: source.url, download: '' }, el('button', { type: 'button' },
      'Download original ' + (names[source.format] || source.format) + ' ('
      + (source.sizeBytes / 1024 / 1024).toFixed(2) + ' MB)')),
    el('p', {}, 'source sha256 ', el('code', {}, source.sha256)));
}

async function datasetsView() {
  const result = await api('/datasets?size=100');
  const upload = el('form', { class: 'panel form', id: 'upload-form' },
    el('h2', { class: 'wide' }, 'Upload a dataset'),
    el('label', { for: 'ds-name' }, 'Name'), el('input', { id: 'ds-name', name: 'name', required: true,
      placeholder: 'digits-5-9' }),
    el('label', { for: 'ds-modality' }, 'Modality'), select('modality', ['IMAGE', 'AUDIO', 'TEXT', 'TABULAR'],
      'IMAGE'),
    el('label', { for: 'ds-description' }, 'Description'), el('input', { id: 'ds-description', name: 'description' }),
    el('label', { for: 'ds-file' }, 'File'), el('input', { id: 'ds-file', name: 'file', type: 'file', required: true }),
    el('p', { class: 'wide muted' }, 'IMAGE: a ZIP of <label>/ folders of PNG or JPEG files · AUDIO: a ZIP of'
      + ' <label>/ folders of WAV files (one sample rate) · TEXT: JSON Lines of {"text", "label"} · TABULAR: a CSV'
      + ' whose first column is label'),
    el('span'), el('button', { type: 'submit', id: 'upload-button' }, 'Upload'),
    el('div', { class: 'wide', id: 'upload-result' }));
  upload.addEventListener('submit', async event => {
    event.preventDefault();
    const me = await whoAmI();
    const data = new FormData();
    data.append('metadata', new Blob([JSON.stringify({ modality: upload.elements.modality.value,
      description: upload.elements.description.value || null })], { type: 'application/json' }));
    data.append('file', upload.elements.file.files[0]);
    try {
      const created = await api('/datasets/' + me.name + '/' + upload.elements.name.value, { method: 'POST', body: data });
      location.hash = '#/datasets/' + created.reference.replace('@', '/versions/');
    } catch (error) {
      document.getElementById('upload-result').replaceChildren(errorBox(error));
    }
  });
  show(el('h1', {}, 'Datasets'),
    el('table', { id: 'datasets' }, el('tr', {}, ['dataset', 'modality', 'shape', 'labels', 'examples']
      .map(h => el('th', {}, h))),
      result.items.map(d => el('tr', {}, el('td', {}, el('a', { href: '#/datasets/' + d.reference.replace('@',
        '/versions/') }, d.reference)), el('td', {}, d.modality), el('td', {}, JSON.stringify(d.shape)),
        el('td', {}, d.labels.length), el('td', {}, d.count)))),
    token() ? upload : el('p', { class: 'muted' }, 'Sign in to upload a dataset.'));
}

async function datasetView(namespace, name, version) {
  const dataset = await api('/datasets/' + namespace + '/' + name + (version ? '@' + version : ''));
  const examples = await api('/datasets/' + namespace + '/' + name + '/versions/' + dataset.version
    + '/examples?perLabel=3');
  show(el('h1', {}, dataset.reference),
    el('p', {}, dataset.description || '', el('span', { class: 'muted' }, ' ' + dataset.modality + ' '
      + JSON.stringify(dataset.shape) + (dataset.audio ? ' · ' + dataset.audio.sampleRate + ' Hz, clips of '
      + (dataset.audio.minSamples / dataset.audio.sampleRate).toFixed(2) + '–'
      + (dataset.audio.maxSamples / dataset.audio.sampleRate).toFixed(2) + ' s' : '')
      + ' · ' + dataset.count + ' examples · ' + dataset.format + ' · sha256 '),
    el('code', {}, dataset.sha256)),
    el('div', { class: 'panel' }, el('h2', {}, 'Examples per label'), barChart(dataset.countsPerLabel)),
    el('div', { class: 'panel' }, el('h2', {}, 'Examples'), el('div', { class: 'examples', id: 'examples' },
      examples.examples.map(example => example.audio
        ? el('figure', { class: 'clip' }, el('img', { src: example.image, alt: 'spectrogram of ' + example.label,
          class: 'spectrogram' }), el('audio', { src: example.audio, controls: true, preload: 'none' }),
          el('figcaption', {}, example.label))
        : example.image
        ? el('figure', {}, el('img', { src: example.image, alt: example.label }), el('figcaption', {}, example.label))
        : el('figure', { style: 'text-align:left;max-width:320px' }, el('figcaption', {},
          el('strong', {}, example.label + ': '), example.text || JSON.stringify(example.values)))))),
    el('p', {}, el('a', { href: '#/fine-tune?dataset=' + encodeURIComponent(dataset.reference) },
      'Fine-tune a base model on this dataset →')));
}

async function fineTuneView(params) {
  const query = new URLSearchParams(params);
  const [models, datasets] = await Promise.all([api('/models?size=100&sort=name'), api('/datasets?size=100')]);
  // a base or dataset named in the link is offered even when it is not on the first page of the lists
  const wantedBase = query.get('base') && query.get('base').split('@')[0];
  if (wantedBase && !models.items.some(m => m.reference === wantedBase)) {
    const [namespace, name] = wantedBase.split('/');
    const model = await api('/models/' + namespace + '/' + name);
    models.items.unshift({ reference: model.reference, latestVersion: model.latestVersion });
  }
  const wantedDataset = query.get('dataset');
  if (wantedDataset && !datasets.items.some(d => d.reference === wantedDataset)) {
    const [namespace, name] = wantedDataset.split('/');
    datasets.items.unshift(await api('/datasets/' + namespace + '/' + name));
  }
  const me = token() ? await whoAmI() : null;
  const form = el('form', { class: 'panel form', id: 'fine-tune-form' },
    el('label', { for: 'ft-base' }, 'Base model'),
    el('select', { id: 'ft-base', name: 'base' }, models.items.map(m => el('option', {
      value: m.reference + '@' + m.latestVersion, selected: query.get('base') && query.get('base')
        .startsWith(m.reference) }, m.reference + '@' + m.latestVersion))),
    el('label', { for: 'ft-dataset' }, 'Dataset'),
    el('select', { id: 'ft-dataset', name: 'dataset' }, datasets.items.map(d => el('option', { value: d.reference,
      selected: d.reference === query.get('dataset') }, d.reference))),
    el('label', { for: 'ft-test' }, 'Test dataset'),
    el('select', { id: 'ft-test', name: 'testDataset' }, [el('option', { value: '' },
      'none: report validation figures')].concat(datasets.items.map(d => el('option', { value: d.reference,
      selected: d.reference === query.get('testDataset') }, d.reference)))),
    el('label', { for: 'ft-target' }, 'Target model'),
    el('input', { id: 'ft-target', name: 'target', required: true, placeholder: 'namespace/name' }),
    el('label', { for: 'ft-strategy' }, 'Strategy'),
    el('select', { id: 'ft-strategy', name: 'strategy' }, ['HEAD_ONLY', 'FREEZE_FEATURES', 'FULL', 'FREEZE_UP_TO',
      'AUTO'].map(s => el('option', { value: s }, s))),
    el('span'), el('span', { id: 'ft-layers', class: 'muted' }),
    el('label', { for: 'ft-freeze' }, 'Freeze up to layer'), el('input', { id: 'ft-freeze', name: 'freezeUpTo',
      type: 'number', min: 0 }),
    el('label', { for: 'ft-epochs' }, 'Epochs'), el('input', { id: 'ft-epochs', name: 'epochs', value: 'auto',
      title: '"auto": enough epochs for 300 updates per stage, with early stopping; or a number from 1 to 1000' }),
    el('label', { for: 'ft-batch' }, 'Batch size'), el('input', { id: 'ft-batch', name: 'batchSize', type: 'number',
      value: 32, min: 1 }),
    el('label', { for: 'ft-lr' }, 'Learning rate'), el('input', { id: 'ft-lr', name: 'learningRate', value: '0.001' }),
    el('label', {}, 'Options'), el('span', {},
      el('label', {}, el('input', { type: 'checkbox', name: 'baseline', id: 'ft-baseline' }), ' from-scratch baseline'),
      '  ', el('label', {}, el('input', { type: 'checkbox', name: 'adapt', id: 'ft-adapt' }), ' adapt image size')),
    el('div', { class: 'wide', id: 'ranking' }),
    el('div', { class: 'wide', id: 'compatibility' }, el('span', { class: 'muted' }, 'Checking compatibility…')),
    el('span'), el('button', { type: 'submit', id: 'start-button', disabled: true }, 'Start fine-tune'),
    el('div', { class: 'wide', id: 'submit-result' }));
  const targetInput = form.querySelector('#ft-target');
  function suggestTarget() {
    if (me && !targetInput.dataset.touched) {
      targetInput.value = me.name + '/' + form.elements.dataset.value.split('/')[1].split('@')[0] + '-'
        + form.elements.base.value.split('/')[1].split('@')[0];
    }
  }
  targetInput.addEventListener('input', () => { targetInput.dataset.touched = 'yes'; });
  function request() {
    const freeze = form.elements.freezeUpTo.value === '' ? null : Number(form.elements.freezeUpTo.value);
    const epochs = form.elements.epochs.value.trim();
    return { base: form.elements.base.value, dataset: form.elements.dataset.value,
      testDataset: form.elements.testDataset.value || null, target: form.elements.target.value,
      strategy: form.elements.strategy.value, freezeUpTo: form.elements.strategy.value === 'FREEZE_UP_TO' ? freeze : null,
      baseline: form.elements.baseline.checked, adapt: form.elements.adapt.checked,
      hyperparameters: { epochs: epochs === '' || epochs.toLowerCase() === 'auto' ? 'auto' : Number(epochs),
        batchSize: Number(form.elements.batchSize.value), learningRate: Number(form.elements.learningRate.value) } };
  }
  /** What the chosen strategy freezes, from the base's own architecture summary. */
  async function describeLayers() {
    const [namespace, rest] = form.elements.base.value.split('/');
    const [name, version] = rest.split('@');
    const architecture = (await api('/models/' + namespace + '/' + name + '/versions/' + version)).architecture;
    const boundary = architecture.featureBoundary;
    form.querySelector('option[value=FREEZE_FEATURES]').disabled = boundary === null || boundary === undefined;
    const frozen = {
      HEAD_ONLY: 'layers 0–' + architecture.featureLayer + ' frozen, a new output layer trained',
      FREEZE_FEATURES: boundary === null || boundary === undefined ? 'this network has no convolutional stack'
        : 'the convolutional stack (layers 0–' + boundary + ') frozen; dense layers and a new output layer trained',
      FULL: 'all layers trained, new head first, then deeper layers stage by stage',
      FREEZE_UP_TO: 'layers 0–freezeUpTo frozen',
      AUTO: 'trials of HEAD_ONLY, ' + (boundary === null || boundary === undefined ? '' : 'FREEZE_FEATURES, ')
        + 'FULL; the best on validation is kept' };
    document.getElementById('ft-layers').textContent = frozen[form.elements.strategy.value] + ' (feature layer '
      + architecture.featureLayer + (boundary === null || boundary === undefined ? '' : ', feature boundary '
      + boundary) + ')';
  }
  async function check() {
    suggestTarget();
    const box = document.getElementById('compatibility');
    if (!form.elements.base.value || !form.elements.dataset.value) return;
    try {
      const r = request();
      describeLayers().catch(() => {});
      const report = await postJson('/compatibility', { base: r.base, dataset: r.dataset,
        testDataset: r.testDataset, strategy: r.strategy, freezeUpTo: r.freezeUpTo, adapt: r.adapt });
      box.replaceChildren(el('div', { id: 'compatibility-report' },
        el('p', { class: report.compatible ? 'ok' : 'bad' }, el('strong', {}, report.compatible
          ? 'Compatible' : 'Not compatible'), ': ' + report.base + ' with ' + report.dataset),
        el('ul', {}, report.violations.map(v => el('li', { class: 'violation ' + (v.severity === 'ERROR' ? 'bad'
          : 'warn') }, v.severity + ' ' + v.rule + (v.field ? ' (' + v.field + ')' : '') + ': ' + v.message
          + (v.suggestion ? ' → ' + v.suggestion : '')))),
        report.compatibleBases.length ? el('p', {}, 'Bases that fit these data: '
          + report.compatibleBases.join(', ')) : ''));
      document.getElementById('start-button').disabled = !report.compatible || !token();
    } catch (error) {
      box.replaceChildren(errorBox(error));
    }
  }
  /** The bases ranked for the chosen dataset (POST /recommendations); the top one is preselected unless chosen. */
  async function rank() {
    const box = document.getElementById('ranking');
    const dataset = form.elements.dataset.value;
    if (!dataset) return;
    box.replaceChildren(el('span', { class: 'muted' }, 'Ranking the bases for ' + dataset + '…'));
    try {
      const ranking = await postJson('/recommendations', { dataset: dataset, limit: 5 });
      if (form.elements.dataset.value !== dataset) return;
      box.replaceChildren(el('div', { id: 'ranking-report' },
        el('p', {}, el('strong', {}, 'Bases ranked for ' + ranking.dataset), ' (' + ranking.examples
          + ' examples' + (ranking.subsampled ? ', a subsample' : '') + '; score: cross-validated accuracy of a'
          + ' linear probe on each base\'s frozen features)'),
        el('ol', {}, ranking.items.map(item => el('li', { class: 'ranked-base' }, item.base + ' — '
          + item.score.toFixed(3) + ' [' + item.estimatedAccuracy.interval.low.toFixed(2) + '–'
          + item.estimatedAccuracy.interval.high.toFixed(2) + ']'))),
        ranking.rejected.length ? el('p', { class: 'muted' }, 'Not compatible: ' + ranking.rejected.map(r => r.base)
          .join(', ')) : ''));
      const top = ranking.items[0];
      if (top && !query.get('base') && !form.elements.base.dataset.touched) {
        if (![...form.elements.base.options].some(o => o.value === top.base)) {
          form.elements.base.append(el('option', { value: top.base }, top.base));
        }
        form.elements.base.value = top.base;
        check();
      }
    } catch (error) {
      box.replaceChildren(errorBox(error));
    }
  }
  form.elements.base.addEventListener('change', () => { form.elements.base.dataset.touched = 'yes'; });
  form.elements.dataset.addEventListener('change', rank);
  form.addEventListener('change', check);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const job = await postJson('/fine-tunes', request());
      location.hash = '#/jobs/' + job.id;
    } catch (error) {
      document.getElementById('submit-result').replaceChildren(errorBox(error));
    }
  });
  show(el('h1', {}, 'Fine-tune'), token() ? '' : el('p', { class: 'warn' }, 'Sign in to start a fine-tune.'), form);
  check();
  rank();
}

async function jobsView() {
  const jobs = await api('/fine-tunes?size=50');
  show(el('h1', {}, 'Fine-tune jobs'), el('table', { id: 'jobs' },
    el('tr', {}, ['job', 'status', 'base', 'dataset', 'strategy', 'result'].map(h => el('th', {}, h))),
    jobs.items.map(job => el('tr', {}, el('td', {}, el('a', { href: '#/jobs/' + job.id }, job.id.slice(0, 8))),
      el('td', { class: 'status ' + job.status }, job.status), el('td', {}, job.base), el('td', {}, job.dataset),
      el('td', {}, job.strategy), el('td', {}, job.result ? el('a', { href: '#/models/'
        + job.result.replace('@', '/versions/') }, job.result) : '')))));
}

let activeStream = null;

async function jobView(id) {
  const job = await api('/fine-tunes/' + id);
  const chart = lineChart();
  const status = el('span', { id: 'job-status', class: 'status ' + job.status }, job.status);
  const progress = el('span', { id: 'job-progress', class: 'muted' });
  const result = el('div', { id: 'job-result' });
  const log = el('ul', { id: 'job-log', class: 'muted' });
  const cancel = el('button', { id: 'cancel-button', class: 'secondary', hidden: FINAL.includes(job.status)
    || !token(), onclick: async () => {
    try {
      await api('/fine-tunes/' + id + '/cancel', { method: 'POST' });
    } catch (error) {
      result.replaceChildren(errorBox(error));
    }
  } }, 'Cancel');
  function finish(current) {
    status.textContent = current.status;
    status.className = 'status ' + current.status;
    cancel.hidden = true;
    const parts = [];
    if (current.result) parts.push(el('p', {}, 'Published ', el('a', { id: 'result-link',
      href: '#/models/' + current.result.replace('@', '/versions/') }, current.result)));
    if (current.evaluation) {
      const e = current.evaluation;
      parts.push(el('p', { id: 'job-evaluation' }, (e.split === 'test' ? 'Test' : 'Validation') + ' accuracy ',
        el('strong', {}, fmt(e.accuracy)), ' (95% interval ' + fmt(e.interval.low) + '–' + fmt(e.interval.high)
        + ') on ' + e.count + ' examples' + (e.split === 'test' ? ' of ' + e.dataset : ' of the validation split')));
      if (e.split === 'test' && current.validation) {
        parts.push(el('p', { class: 'muted' }, 'Validation accuracy ' + fmt(current.validation.accuracy) + ' on '
          + current.validation.count + ' examples'));
      }
    }
    if (current.baseline) {
      const b = current.baseline.test || current.baseline.validation;
      parts.push(el('p', { id: 'job-baseline' }, 'From scratch ' + fmt(b.accuracy) + ' (' + fmt(b.interval.low)
        + '–' + fmt(b.interval.high) + '): transfer ', el('strong', {}, (current.baseline.gain >= 0 ? '+' : '')
        + (current.baseline.gain * 100).toFixed(1) + ' points')));
    }
    if (current.decision) parts.push(el('p', { id: 'job-decision' }, 'AUTO chose ',
      el('strong', {}, current.decision.chosen), ' ' + current.decision.explanation));
    if (current.training) parts.push(el('ul', { id: 'job-training', class: 'muted' },
      current.training.summary.map(line => el('li', {}, line))));
    if (current.error) parts.push(el('p', { class: 'bad' }, current.errorCode + ': ' + current.error));
    result.replaceChildren(...parts);
  }
  show(el('h1', {}, 'Job ' + id.slice(0, 8)),
    el('div', { class: 'panel' }, el('p', {}, 'Status ', status, ' ', progress, ' ', cancel),
      el('p', { class: 'muted' }, job.base + ' on ' + job.dataset + ' → ' + job.target + ' · ' + job.strategy
        + ' · ' + JSON.stringify(job.hyperparameters)), result),
    el('div', { class: 'panel' }, el('h2', {}, 'Training'), chart.svg),
    el('div', { class: 'panel' }, el('h2', {}, 'Events'), log));
  if (activeStream) activeStream.close();
  const stream = new EventSource('/api/v1/fine-tunes/' + id + '/events');
  activeStream = stream;
  stream.addEventListener('epoch', event => {
    const data = JSON.parse(event.data);
    if (data.phase === 'TRAIN') {
      chart.add(data);
      progress.textContent = data.stage + ': epoch ' + data.epoch + ' of ' + data.epochs;
    }
  });
  for (const type of ['state', 'log']) {
    stream.addEventListener(type, event => {
      const data = JSON.parse(event.data);
      log.append(el('li', {}, new Date(data.time).toLocaleTimeString() + ' ' + (data.status || data.phase) + ': '
        + data.message));
      if (type === 'state') {
        status.textContent = data.status;
        status.className = 'status ' + data.status;
        if (FINAL.includes(data.status)) {
          stream.close();
          api('/fine-tunes/' + id).then(finish);
        }
      }
    });
  }
  stream.onerror = () => stream.close();
  if (FINAL.includes(job.status)) finish(job);
}

// ---- Sign-in ---------------------------------------------------------------------------------------------------------

let me = null;

async function whoAmI() {
  if (!me && token()) me = await api('/users/me');
  return me;
}

async function refreshSignIn() {
  const signedIn = Boolean(token());
  document.getElementById('token').hidden = signedIn;
  document.getElementById('signin-button').hidden = signedIn;
  document.getElementById('signout-button').hidden = !signedIn;
  document.getElementById('whoami').textContent = signedIn ? 'signed in as ' + (await whoAmI()).name : 'anonymous';
}

document.getElementById('signin').addEventListener('submit', async event => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, document.getElementById('token').value.trim());
  me = null;
  try {
    await refreshSignIn();
    route();
  } catch (error) {
    sessionStorage.removeItem(TOKEN_KEY);
    document.getElementById('whoami').textContent = 'invalid token';
  }
});

document.getElementById('signout-button').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  me = null;
  refreshSignIn();
  route();
});

// ---- Router ---------------------------------------------------------------------------------------------------------

async function route() {
  const [path, params = ''] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  document.querySelectorAll('nav a').forEach(link => link.classList.toggle('active',
    link.dataset.nav === ({ models: 'catalog', datasets: 'datasets', 'fine-tune': 'fine-tune', jobs: 'jobs' }[parts[0]]
      || (parts.length === 0 ? 'catalog' : ''))));
  if (activeStream && parts[0] !== 'jobs') { activeStream.close(); activeStream = null; }
  try {
    if (parts.length === 0) await catalogView(params);
    else if (parts[0] === 'models' && parts.length >= 3) await modelView(parts[1], parts[2], parts[4]);
    else if (parts[0] === 'datasets' && parts.length >= 3) await datasetView(parts[1], parts[2], parts[4]);
    else if (parts[0] === 'datasets') await datasetsView();
    else if (parts[0] === 'fine-tune') await fineTuneView(params);
    else if (parts[0] === 'jobs' && parts[1]) await jobView(parts[1]);
    else if (parts[0] === 'jobs') await jobsView();
    else show(el('h1', {}, 'Not found'));
  } catch (error) {
    show(errorBox(error));
  }
  view.dataset.route = path || '/';
  view.dataset.loaded = String(Date.now());
}

window.addEventListener('hashchange', route);
refreshSignIn().catch(() => sessionStorage.removeItem(TOKEN_KEY));
route();
