/**
 * The page's only script (inline, no framework): opens the sample view of a problem when the
 * address ends in `#problem-<run>-<problem>` (the grid cells link there), decompressing the
 * sample texts on first use, and names the problem under the pointer in the grid. Every text
 * goes in through `textContent`.
 */
export const PAGE_SCRIPT = `(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('passk-data').textContent);
  let texts;
  function loadTexts() {
    if (!texts) {
      texts = (async () => {
        const binary = atob(document.getElementById('passk-samples').textContent.trim());
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
        return JSON.parse(await new Response(stream).text());
      })();
    }
    return texts;
  }
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function block(title, text) {
    const wrapper = element('div', 'block');
    wrapper.append(element('div', 'block-title', title), element('pre', '', text === '' ? '(empty)' : text));
    return wrapper;
  }
  async function show(runIndex, problemIndex) {
    const run = data.runs[runIndex];
    const problem = run && run.problems[problemIndex];
    const view = document.getElementById('sample-view-' + runIndex);
    if (!problem || !view) return;
    const all = await loadTexts();
    const problemTexts = all[runIndex][problemIndex];
    view.replaceChildren();
    const heading = element('h3', '', problem.task_id);
    const first = problem.samples.find((sample) => sample.passed);
    const rate = problem.n > 0 ? (100 * problem.c / problem.n).toFixed(1) + '%' : '-';
    const facts = element('p', 'facts', problem.language + ' · ' + problem.c + '/' + problem.n + ' passed (' + rate + ') · first passing sample: ' + (first ? '#' + first.index : 'none'));
    const list = element('div', 'samples');
    problem.samples.forEach((sample, i) => {
      const [code, detail, stdout, stderr] = problemTexts[i];
      const details = element('details', 'sample');
      if (i === 0) details.open = true;
      const summary = element('summary');
      summary.append(
        element('span', 'index', '#' + sample.index),
        element('span', 'status status-' + sample.status, sample.status),
        element('span', 'duration', sample.duration_ms + ' ms'),
      );
      details.append(summary, block('code', code), block('detail', detail), block('stdout (tail)', stdout), block('stderr (tail)', stderr));
      list.append(details);
    });
    view.append(heading, facts, list);
    view.hidden = false;
    view.scrollIntoView({ block: 'start' });
  }
  function route() {
    const match = /^#problem-(\\d+)-(\\d+)$/.exec(location.hash);
    if (match) show(Number(match[1]), Number(match[2]));
  }
  window.addEventListener('hashchange', route);
  route();
  for (const grid of document.querySelectorAll('[data-chart="grid"]')) {
    const hover = grid.parentElement.querySelector('.hover');
    grid.addEventListener('mouseover', (event) => {
      const label = event.target.getAttribute && event.target.getAttribute('aria-label');
      if (label && hover) hover.textContent = label;
    });
  }
})();`;
