/* Draws Feishu card JSON 2.0 (and text messages) as a Feishu client lays them out, in the viewer's locale.
   Every interactive component calls ctx.act(path, payload, component); the path leads from the card root to it,
   so the emulator takes the callback value from the card itself. */
'use strict';
const Cards = (() => {
  const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  const esc = s => String(s == null ? '' : s).replace(/[&<>"]/g, c => ESC[c]);

  function localized(node, field, locale) {
    const i18n = node && node['i18n_' + field];
    if (i18n && typeof i18n === 'object') {
      return i18n[locale] != null ? i18n[locale] : (i18n.en_us != null ? i18n.en_us : i18n.zh_cn);
    }
    return node ? node[field] : undefined;
  }

  /* Markdown as Feishu renders it: text is escaped first, then the few constructs Feishu supports are applied. */
  function markdown(src, ctx) {
    let h = esc(src || '');
    h = h.replace(/&amp;#(\d+);/g, '&#$1;');
    h = h.replace(/&lt;at (?:id|user_id|open_id)=(?:&quot;)?([\w-]+)(?:&quot;)?&gt;&lt;\/at&gt;/g,
      (m, id) => '<span class="at">@' + esc(id === 'all' ? (ctx.locale === 'zh_cn' ? '所有人' : 'all') : ctx.name(id)) + '</span>');
    // <person id=…>: the person's name, no "@" (it notifies no one).
    h = h.replace(/&lt;person id=(?:&quot;|')?([\w-]+)(?:&quot;|')?[^&]*(?:&quot;[^&]*)*&gt;&lt;\/person&gt;/g,
      (m, id) => '<span class="person">' + esc(ctx.name(id)) + '</span>');
    h = h.replace(/&lt;font color=(?:&quot;|')?([a-z-]+)(?:&quot;|')?&gt;(.*?)&lt;\/font&gt;/g, '<span style="color:$1">$2</span>');
    h = h.replace(/&lt;text_tag color=(?:&quot;)?([a-z-]+)(?:&quot;)?&gt;(.*?)&lt;\/text_tag&gt;/g, '<span class="mdtag $1">$2</span>');
    h = h.replace(/\*\*(.+?)\*\*/g, '<b>$1</b>').replace(/\*([^*\n]+?)\*/g, '<i>$1</i>')
      .replace(/~~(.+?)~~/g, '<del>$1</del>').replace(/`([^`]+?)`/g, '<code>$1</code>');
    h = h.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
    return h.replace(/\n/g, '<br>');
  }

  /* A text message as Feishu renders it: <at user_id> mentions, <b> <i> <u> <s> style, [text](url) links; no markdown. */
  function textMessage(src, ctx) {
    let h = esc(src || '');
    h = h.replace(/&lt;at user_id=(?:&quot;)?([\w-]+)(?:&quot;)?&gt;(?:.*?)&lt;\/at&gt;/g,
      (m, id) => '<span class="at">@' + esc(id === 'all' ? (ctx.locale === 'zh_cn' ? '所有人' : 'all') : ctx.name(id)) + '</span>');
    h = h.replace(/&lt;(b|i|u|s)&gt;(.*?)&lt;\/\1&gt;/g, (m, t, inner) => '<' + (t === 's' ? 'del' : t) + '>' + inner
      + '</' + (t === 's' ? 'del' : t) + '>');
    h = h.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
    return h.replace(/\n/g, '<br>');
  }

  function el(tag, cls, html) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html != null) e.innerHTML = html;
    return e;
  }

  function text(t, ctx) {
    if (t == null) return '';
    if (typeof t === 'string') return esc(t);
    const content = localized(t, 'content', ctx.locale);
    return t.tag === 'lark_md' ? markdown(content, ctx) : esc(content);
  }

  function confirmOf(c, ctx) {
    return c.confirm ? { title: text(c.confirm.title, ctx), text: text(c.confirm.text, ctx) } : null;
  }

  function button(c, path, ctx, form) {
    const b = el('button', ['card-btn', c.type || 'default', c.size || ''].join(' '), text(c.text, ctx));
    b.type = 'button';
    b.disabled = c.disabled === true;
    b.dataset.path = JSON.stringify(path);
    b.addEventListener('click', () => {
      if (form && c.form_action_type === 'reset') { form.reset(); return; }
      let payload = {};
      if (form && c.form_action_type === 'submit') {
        const values = formValues(form);
        if (!values) return;
        payload = { form_value: values };
      }
      ctx.act(path, payload, confirmOf(c, ctx), b);
    });
    return b;
  }

  function formValues(form) {
    const values = {};
    let ok = true;
    form.querySelectorAll('[data-field]').forEach(f => {
      const v = f.value;
      f.classList.toggle('invalid', f.dataset.required === 'true' && !v);
      if (f.dataset.required === 'true' && !v) ok = false;
      if (v) values[f.dataset.field] = v;
    });
    return ok ? values : null;
  }

  function options(c, ctx) {
    return (c.options || []).map(o => ({ value: o.value, label: text(o.text, ctx) }));
  }

  function select(c, path, ctx, inForm) {
    const s = el('select');
    s.dataset.path = JSON.stringify(path);
    const ph = el('option', null, text(c.placeholder, ctx) || '…');
    ph.value = '';
    s.appendChild(ph);
    options(c, ctx).forEach(o => { const op = el('option', null, o.label); op.value = o.value; s.appendChild(op); });
    if (c.initial_option) s.value = c.initial_option;
    if (inForm) {
      s.dataset.field = c.name;
      s.dataset.required = String(c.required === true);
    } else {
      s.addEventListener('change', () => s.value && ctx.act(path, { option: s.value }, confirmOf(c, ctx), s));
    }
    return s;
  }

  function input(c, path, ctx, inForm) {
    const multi = c.input_type === 'multiline_text';
    const i = el(multi ? 'textarea' : 'input');
    if (multi) i.rows = 3;
    i.placeholder = localized(c.placeholder || {}, 'content', ctx.locale) || '';
    i.maxLength = c.max_length || 1000;
    if (c.default_value) i.value = c.default_value;
    i.dataset.path = JSON.stringify(path);
    if (inForm) {
      i.dataset.field = c.name;
      i.dataset.required = String(c.required === true);
    } else {
      i.addEventListener('keydown', e => {
        if (e.key === 'Enter' && !multi) ctx.act(path, { input_value: i.value }, confirmOf(c, ctx), i);
      });
    }
    return i;
  }

  function overflow(c, path, ctx) {
    const wrap = el('span', 'overflow');
    const b = el('button', 'card-btn overflow-btn', '⋯');
    b.type = 'button';
    b.dataset.path = JSON.stringify(path);
    wrap.appendChild(b);
    b.addEventListener('click', ev => {
      ev.stopPropagation();
      const open = wrap.querySelector('.menu');
      document.querySelectorAll('.menu').forEach(m => m.remove());
      if (open) return;
      const menu = el('div', 'menu');
      options(c, ctx).forEach(o => {
        const item = el('div', 'menu-item', o.label);
        item.dataset.value = o.value;
        item.addEventListener('click', () => { menu.remove(); ctx.act(path, { option: o.value }, confirmOf(c, ctx), b); });
        menu.appendChild(item);
      });
      wrap.appendChild(menu);
    });
    return wrap;
  }

  function component(c, path, ctx, form) {
    switch (c.tag) {
      case 'markdown': {
        const cls = 'md' + (c.text_size === 'notation' ? ' notation' : '');
        const d = el('div', cls, markdown(localized(c, 'content', ctx.locale), ctx));
        if (c.text_align) d.style.textAlign = c.text_align;
        return d;
      }
      case 'div': return el('div', 'md', text(c.text, ctx));
      case 'hr': return el('hr');
      case 'button': return button(c, path, ctx, form);
      case 'overflow': return overflow(c, path, ctx);
      case 'select_static': return select(c, path, ctx, !!form);
      case 'input': return input(c, path, ctx, !!form);
      case 'img': return el('div', 'md notation', '[image ' + esc(c.alt ? text(c.alt, ctx) : c.img_key) + ']');
      case 'person': return el('span', 'person', esc(ctx.name(c.user_id)));  // names someone; notifies no one
      case 'column_set': {
        const row = el('div', 'cols');
        (c.columns || []).forEach((col, j) => {
          const cell = el('div', 'col' + (col.width === 'weighted' ? ' weighted' : ''));
          if (col.width === 'weighted') cell.style.flexGrow = col.weight || 1;
          children(col.elements, path.concat(['columns', j, 'elements']), ctx, form).forEach(x => cell.appendChild(x));
          row.appendChild(cell);
        });
        return row;
      }
      case 'form': {
        const f = el('form');
        f.addEventListener('submit', e => e.preventDefault());
        children(c.elements, path.concat(['elements']), ctx, f).forEach(x => f.appendChild(x));
        return f;
      }
      case 'collapsible_panel': {
        const p = el('div', 'panel');
        const head = el('div', 'panel-title', (c.expanded ? '▾ ' : '▸ ') + text(c.header && c.header.title, ctx));
        const inner = el('div');
        inner.hidden = !c.expanded;
        head.addEventListener('click', () => { inner.hidden = !inner.hidden; });
        children(c.elements, path.concat(['elements']), ctx, form).forEach(x => inner.appendChild(x));
        p.append(head, inner);
        return p;
      }
      default: {
        const d = el('div');
        children(c.elements, path.concat(['elements']), ctx, form).forEach(x => d.appendChild(x));
        return d;
      }
    }
  }

  function children(list, base, ctx, form) {
    return (list || []).map((c, i) => component(c, base.concat([i]), ctx, form));
  }

  function card(json, ctx) {
    const root = el('div', 'card');
    const h = json.header;
    if (h) {
      const hd = el('div', 'hd ' + (h.template || 'default'));
      const tags = (localized(h, 'text_tag_list', ctx.locale) || [])
        .map(t => '<span class="tag">' + text(t.text, ctx) + '</span>').join('');
      hd.appendChild(el('div', 't', text(h.title, ctx) + tags));
      if (h.subtitle) hd.appendChild(el('div', 's', text(h.subtitle, ctx)));
      root.appendChild(hd);
    }
    const bd = el('div', 'bd');
    const elements = json.schema === '2.0' ? (json.body || {}).elements : json.elements;
    children(elements, json.schema === '2.0' ? ['body', 'elements'] : ['elements'], ctx, null)
      .forEach(x => bd.appendChild(x));
    root.appendChild(bd);
    return root;
  }

  document.addEventListener('click', () => document.querySelectorAll('.menu').forEach(m => m.remove()));
  return { card, markdown, textMessage, esc, localized };
})();
