// Finds what is on the page the way a person or a screen reader does: by role
// and accessible name, by visible label, by visible text. Never by an id or a
// class. Every script the end-to-end tests run through `Browser::a11y` starts
// with this, so `A` is in scope there.
//
// The accessible name follows the order of the W3C "accname" algorithm for the
// cases this page has: aria-labelledby, aria-label, the control's <label>s, a
// fieldset's legend, a table's caption, a frame's title, and for roles named
// by their content (buttons, links, headings, radios...) the text inside,
// visually hidden text included and hidden text left out. `Browser::find`
// checks each name it matches against the browser's own (WebDriver's computed
// label), so a difference between the two fails the test rather than passing
// it by accident.
const A = (() => {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();

  // Drawn, and not hidden from assistive technology. A visually hidden span
  // (clipped to 1px) counts as shown: screen readers read it. So does a
  // radio the NHS.UK styles draw at opacity 0 behind its own circle.
  const shown = (el) =>
    el.isConnected &&
    el.checkVisibility({ visibilityProperty: true }) &&
    !el.closest('[aria-hidden="true"], [hidden], [inert]');

  const CONTROL_ROLES = {
    radio: 'radio', checkbox: 'checkbox', button: 'button', submit: 'button', reset: 'button',
    image: 'button', file: 'file', hidden: 'none', range: 'slider', number: 'spinbutton', search: 'searchbox',
  };
  const role = (el) => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(/\s+/)[0];
    const tag = el.tagName.toLowerCase();
    if (tag === 'a' || tag === 'area') return el.hasAttribute('href') ? 'link' : 'generic';
    if (tag === 'button') return 'button';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'input') return CONTROL_ROLES[(el.getAttribute('type') || 'text').toLowerCase()] || 'textbox';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return el.multiple ? 'listbox' : 'combobox';
    if (tag === 'fieldset' || tag === 'details') return 'group';
    if (tag === 'summary') return 'summary';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'li') return 'listitem';
    if (tag === 'table') return 'table';
    if (tag === 'iframe') return 'frame';
    if (tag === 'dt') return 'term';
    if (tag === 'dd') return 'definition';
    if (tag === 'p') return 'paragraph';
    return 'generic';
  };
  const level = (el) => {
    const aria = parseInt(el.getAttribute('aria-level'), 10);
    if (aria) return aria;
    const m = /^H([1-6])$/.exec(el.tagName);
    return m ? parseInt(m[1], 10) : 2;
  };
  const isHeading = (el) => role(el) === 'heading';

  // The text a name is made of. `all` takes hidden text too, as
  // aria-labelledby does.
  const text = (node, all) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const tag = node.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'template') return '';
    if (!all && !shown(node)) return '';
    if (['input', 'select', 'textarea'].includes(tag)) return '';
    let s = '';
    for (const child of node.childNodes) s += text(child, all);
    const display = getComputedStyle(node).display;
    return display.startsWith('inline') ? s : ` ${s} `;
  };
  const byIds = (el, attr) => {
    const ids = (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean);
    return norm(ids.map((id) => el.ownerDocument.getElementById(id)).filter(Boolean).map((r) => text(r, true)).join(' '));
  };
  const NAMED_BY_CONTENT = new Set([
    'button', 'link', 'heading', 'summary', 'radio', 'checkbox', 'listitem', 'term', 'definition',
    'cell', 'columnheader', 'rowheader', 'tab', 'menuitem', 'option', 'switch', 'tooltip',
  ]);
  const name = (el) => {
    const labelledBy = byIds(el, 'aria-labelledby');
    if (labelledBy) return labelledBy;
    const label = norm(el.getAttribute('aria-label'));
    if (label) return label;
    const tag = el.tagName.toLowerCase();
    if (['input', 'select', 'textarea', 'meter', 'output', 'progress'].includes(tag) && el.labels && el.labels.length) {
      const fromLabels = norm([...el.labels].map((l) => text(l, false)).join(' '));
      if (fromLabels) return fromLabels;
    }
    if (tag === 'fieldset') {
      const legend = [...el.children].find((c) => c.tagName === 'LEGEND');
      if (legend) return norm(text(legend, false));
    }
    if (tag === 'table' && el.caption) return norm(text(el.caption, false));
    if (tag === 'img') return norm(el.getAttribute('alt'));
    if (NAMED_BY_CONTENT.has(role(el))) {
      const content = norm(text(el, false));
      if (content) return content;
    }
    return norm(el.getAttribute('title'));
  };
  const description = (el) => byIds(el, 'aria-describedby');

  // What the eye reads: rendered text, line by line, each line's spaces
  // collapsed. Closed <details> and hidden parts are left out.
  const read = (el) =>
    (el.innerText || '').split('\n').map(norm).filter(Boolean).join('\n');

  const all = (root) => [...(root.querySelectorAll ? root.querySelectorAll('*') : [])];

  const matches = (actual, wanted, how) => {
    if (how === 'prefix') return actual.startsWith(wanted);
    // A question: its legend may carry a tag after it, such as "Essential".
    if (how === 'question') return actual === wanted || actual.startsWith(`${wanted} `);
    if (how === 'contains') return actual.includes(wanted);
    return actual === wanted;
  };

  const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'listbox', 'spinbutton', 'slider', 'file']);
  const REGION_ROLES = new Set(['alert', 'status', 'region', 'dialog', 'alertdialog', 'complementary', 'log', 'note']);
  const GROUP_ROLES = new Set(['group', 'radiogroup']);
  const KINDS = {
    button: (el) => role(el) === 'button',
    link: (el) => role(el) === 'link',
    heading: (el) => isHeading(el),
    field: (el) => FIELD_ROLES.has(role(el)),
    radio: (el) => role(el) === 'radio',
    checkbox: (el) => role(el) === 'checkbox',
    choice: (el) => ['radio', 'checkbox'].includes(role(el)),
    group: (el) => GROUP_ROLES.has(role(el)) && el.tagName !== 'DETAILS',
    summary: (el) => role(el) === 'summary',
    region: (el) => REGION_ROLES.has(role(el)),
    item: (el) => role(el) === 'listitem',
    frame: (el) => role(el) === 'frame',
  };

  // The first heading inside an element: how a box without a name of its
  // own is known by what it says at its top.
  const firstHeading = (el) => all(el).find((h) => isHeading(h) && shown(h));

  // The name an element is found by: its accessible name, or for a list
  // item or a region that has none, its first heading's.
  const knownAs = (el, kind) => {
    const own = name(el);
    if (kind === 'item' || (kind === 'region' && !own)) {
      const h = firstHeading(el);
      return { text: h ? name(h) : '', own: false };
    }
    return { text: own, own: true };
  };

  const candidates = (roots, kind, q) =>
    roots.flatMap((root) => all(root)).filter((el) => KINDS[kind](el) && shown(el) && (!q.level || level(el) === q.level));

  // Every element a query ({kind, name, how, level, item, group, region})
  // describes, innermost first, or what was seen instead.
  const matchAll = (q) => {
    let roots = [document];
    for (const [kind, wanted, how] of [
      ['item', q.item, q.itemHow || 'prefix'],
      ['region', q.region, 'exact'],
      ['group', q.group, 'question'],
    ]) {
      if (wanted === undefined || wanted === null) continue;
      const found = candidates(roots, kind, {}).filter((el) => matches(knownAs(el, kind).text, wanted, how));
      if (found.length === 0) {
        const seen = candidates(roots, kind, {}).map((el) => knownAs(el, kind).text);
        return { els: [], seen: `no ${kind} called ${JSON.stringify(wanted)}; there are: ${JSON.stringify(seen)}` };
      }
      roots = found;
    }
    const pool = candidates(roots, q.kind, q);
    const found = pool.filter((el) => matches(knownAs(el, q.kind).text, q.name, q.how || 'exact'));
    // Nested matches (a region inside a region with the same heading) count once: the innermost.
    const els = found.filter((el) => !found.some((o) => o !== el && el.contains(o)));
    return { els, seen: `there are: ${JSON.stringify(pool.map((el) => knownAs(el, q.kind).text))}` };
  };

  // The one element a query describes, or what was seen instead.
  const resolve = (q) => {
    const { els, seen } = matchAll(q);
    if (els.length !== 1) {
      return { error: `${els.length ? `${els.length} elements` : 'nothing'} of kind ${q.kind} called ${JSON.stringify(q.name)}; ${seen}` };
    }
    const el = els[0];
    const known = knownAs(el, q.kind);
    // A radio or a checkbox is picked the way a person does: by its label.
    const target = ['radio', 'checkbox', 'choice'].includes(q.kind) && el.labels && el.labels[0] ? el.labels[0] : el;
    return { el, target, name: known.own ? known.text : null };
  };

  // A heading's part of the page: the heading and what follows it in the same
  // box, up to the next heading of the same or a higher rank.
  const section = (h) => {
    const parts = [h];
    for (let s = h.nextElementSibling; s; s = s.nextElementSibling) {
      const ends = (x) => isHeading(x) && shown(x) && level(x) <= level(h);
      if (ends(s) || all(s).some(ends)) break;
      parts.push(s);
    }
    return parts;
  };
  const heading = (text, lvl) => {
    const found = candidates([document], 'heading', { level: lvl }).filter((h) => name(h) === text);
    return found.length === 1 ? found[0] : null;
  };
  const firstList = (parts) =>
    parts.flatMap((p) => (['list'].includes(role(p)) ? [p] : all(p).filter((x) => role(x) === 'list')))
      .find(shown);

  return {
    norm, shown, role, level, name, description, read, resolve, section,
    count: (q) => matchAll(q).els.length, heading, firstList, all, candidates,

    // The page's main heading: the first level-1 heading shown. None while
    // the first screen that the build put into index.html is still waiting
    // for the widget to start: its buttons do nothing yet, so a test that
    // waits for a heading waits for the widget, as it did before.
    h1: () => {
      if (document.getElementById('vtc-prerendered')) return null;
      const h = candidates([document], 'heading', { level: 1 })[0];
      return h ? name(h) : null;
    },

    // The main heading as a person sees it, whether the widget has started or not.
    shownH1: () => {
      const h = candidates([document], 'heading', { level: 1 })[0];
      return h ? name(h) : null;
    },

    // What is said in every live region now: status messages and alerts.
    announced: () => all(document).filter((el) => ['status', 'alert'].includes(role(el)) && shown(el)).map(read).filter(Boolean),

    // The value a description list gives for a term, as a person reads the
    // row "Organisation: Riverside Surgery".
    definition: (term) => {
      const dt = all(document).find((el) => role(el) === 'term' && shown(el) && norm(el.innerText) === term);
      if (!dt) return null;
      let dd = dt.nextElementSibling;
      while (dd && role(dd) !== 'definition') dd = dd.nextElementSibling;
      return dd ? read(dd) : null;
    },

    // The smallest block of visible text that starts with `prefix`.
    textStarting: (prefix) => {
      const blocks = all(document).filter((el) => shown(el) && !['script', 'style'].includes(el.tagName.toLowerCase()))
        .filter((el) => norm(el.innerText).startsWith(prefix));
      const smallest = blocks.filter((el) => !blocks.some((o) => o !== el && el.contains(o)));
      return smallest.length ? read(smallest[0]) : null;
    },

    // The box a heading heads, read from its heading down, as a person reads
    // the big "Do not use yet" headed "Outcome for Microsoft Teams".
    headedBox: (prefix) => {
      const headings = all(document).filter((el) => shown(el) && isHeading(el) && name(el).startsWith(prefix));
      if (headings.length !== 1) return null;
      return read(headings[0].parentElement);
    },

    // What has keyboard focus, as a screen reader says it.
    focused: () => {
      const e = document.activeElement;
      const item = e.closest('li');
      const h = item && firstHeading(item);
      const group = e.type === 'radio' ? [...document.getElementsByName(e.name)] : [];
      return {
        role: role(e), name: name(e), level: isHeading(e) ? level(e) : 0, tag: e.tagName,
        type: e.getAttribute('type') || '', value: e.value || '', answered: group.some((r) => r.checked),
        item: h ? name(h) : '', h1: (candidates([document], 'heading', { level: 1 }).map(name)[0]) || '',
      };
    },
  };
})();
