/* The sandbox console: chats of one persona, a live stream of the emulator's IM state (server-sent events), the
   composer, card clicks, the Hire panel and the clock. Talks only to the emulator's /sandbox/console/api. */
'use strict';
(() => {
  const API = '/sandbox/console/api';
  const ROLES = { admin: 'Admin', recruiter: 'Recruiter', hiring_manager: 'Hiring manager', interviewer: 'Interviewer', stranger: 'Stranger' };
  const UPDATE_KINDS = { patch: 'PATCH', callback_response: 'callback answer', delayed_update: 'delayed update' };
  const $ = id => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const S = { persona: params.get('persona') || params.get('user') || 'ou_recruiter_li', locale: null, chat: params.get('chat') || 'oc_demo_team',
    items: new Map(), chats: [], people: {}, personas: [], unread: {}, source: null, hire: null, job: null };

  async function call(method, path, body) {
    const r = await fetch(API + path, { method, headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    let json = {};
    try { json = await r.json(); } catch (e) { /* not JSON: keep the status */ }
    if (!r.ok) throw new Error(json.error || ('HTTP ' + r.status));
    return json;
  }

  function name(openId) {
    const p = S.people[openId];
    return p ? (p[S.locale] || p.en_us || p.zh_cn) : openId;
  }

  let toastTimer;
  function toast(type, content) {
    const t = $('toast');
    t.className = 'show ' + (type || 'info');
    t.textContent = content;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { t.className = ''; }, 4000);
  }

  function confirmDialog(c) {
    if (!c) return Promise.resolve(true);
    return new Promise(resolve => {
      $('modal-title').innerHTML = c.title;
      $('modal-text').innerHTML = c.text;
      $('modal').hidden = false;
      const done = ok => { $('modal').hidden = true; $('confirm-ok').onclick = $('confirm-cancel').onclick = null; resolve(ok); };
      $('confirm-ok').onclick = () => done(true);
      $('confirm-cancel').onclick = () => done(false);
    });
  }

  /* A click on a card component: confirm if the card asks to, then the emulator pushes card.action.trigger. */
  async function act(item, path, payload, confirm, source) {
    if (!await confirmDialog(confirm)) return;
    const cardEl = source.closest('.card');
    cardEl.classList.add('busy');
    try {
      // The version drawn: the bot may have changed the card since (an earlier click's answer shifting the rows),
      // and the emulator takes the value from the card this path was read from, as a Feishu client sends it.
      const r = await call('POST', '/action',
        Object.assign({ persona: S.persona, message_id: item.id, path, version: item.version }, payload));
      if (r.toast) {
        const i18n = r.toast.i18n || {};
        toast(r.toast.type, i18n[S.locale] || r.toast.content || '');
      } else if (r.violations && r.violations.length) {
        toast('error', r.violations.join('; '));
      }
    } catch (e) {
      toast('error', e.message);
    } finally {
      cardEl.classList.remove('busy');
    }
  }

  function chatLabel(c) {
    return c.type === 'p2p' ? name('ou_hirebot') + (S.locale === 'zh_cn' ? '（单聊）' : ' (private chat)') : c.name;
  }

  function renderChats() {
    const ul = $('chats');
    ul.innerHTML = '';
    S.chats.forEach(c => {
      const li = document.createElement('li');
      li.className = 'chat' + (c.chat_id === S.chat ? ' active' : '');
      li.dataset.chat = c.chat_id;
      li.textContent = chatLabel(c);
      if (S.unread[c.chat_id]) {
        const u = document.createElement('span');
        u.className = 'unread';
        u.textContent = S.unread[c.chat_id];
        li.appendChild(u);
      }
      li.onclick = () => { S.chat = c.chat_id; S.unread[c.chat_id] = 0; renderChats(); renderStream(); };
      ul.appendChild(li);
    });
    const c = S.chats.find(x => x.chat_id === S.chat);
    $('chat-name').textContent = c ? chatLabel(c) : S.chat;
    $('chat-kind').textContent = c && c.type === 'group' ? S.chat : '';
    $('mention-label').style.display = c && c.type === 'group' ? '' : 'none';
  }

  function bubbleFor(item) {
    const bubble = document.createElement('div');
    if (item.msg_type === 'interactive') {
      const ctx = { locale: S.locale, name, act: (path, payload, confirm, src) => act(item, path, payload, confirm, src) };
      return Cards.card(item.content, ctx);
    }
    bubble.className = 'bubble';
    if (item.kind === 'user') {
      bubble.textContent = item.text;
    } else if (item.msg_type === 'text') {
      bubble.innerHTML = Cards.textMessage(item.content.text, { locale: S.locale, name });
    } else {
      bubble.textContent = JSON.stringify(item.content);
    }
    return bubble;
  }

  function node(item) {
    const mine = item.kind === 'user' && item.sender === S.persona;
    const row = document.createElement('div');
    row.className = 'msg ' + item.kind + (mine ? ' mine' : '');
    row.dataset.id = item.id;
    const who = item.kind === 'user' ? item.sender : 'ou_hirebot';
    const avatar = document.createElement('div');
    avatar.className = 'avatar';
    avatar.textContent = name(who).slice(0, 2);
    const body = document.createElement('div');
    body.className = 'body';
    const head = document.createElement('div');
    head.className = 'who';
    head.textContent = name(who) + ' · ' + new Date(item.time).toLocaleTimeString();
    body.appendChild(head);
    const parent = item.parent_id && S.items.get(item.parent_id);
    if (parent && parent.kind === 'user') {
      const q = document.createElement('div');
      q.className = 'quote';
      q.textContent = '↪ ' + name(parent.sender) + ': ' + parent.text;
      body.appendChild(q);
    }
    body.appendChild(bubbleFor(item));
    const updates = item.updates || [];
    if (updates.length) {
      const last = updates[updates.length - 1];
      const b = document.createElement('div');
      b.className = 'badge';
      b.textContent = 'updated ×' + updates.length + ' · last by ' + (UPDATE_KINDS[last.kind] || last.kind) + ' at '
        + new Date(last.time).toLocaleTimeString();
      body.appendChild(b);
    }
    if (item.kind === 'ephemeral') {
      const o = document.createElement('div');
      o.className = 'only-you';
      o.textContent = S.locale === 'zh_cn' ? '仅对你可见' : 'Only visible to you';
      body.appendChild(o);
    }
    row.append(avatar, body);
    return row;
  }

  function inChat(item) {
    return item.chat_id === S.chat;
  }

  function renderStream() {
    const s = $('stream');
    s.innerHTML = '';
    [...S.items.values()].filter(inChat).forEach(i => s.appendChild(node(i)));
    s.scrollTop = s.scrollHeight;
  }

  /* A change from the stream: new items are appended, changed cards replaced where they are, with a flash. */
  function apply(item) {
    const known = S.items.has(item.id);
    if (item.deleted) {
      S.items.delete(item.id);
    } else {
      S.items.set(item.id, item);
    }
    if (!S.chats.some(c => c.chat_id === item.chat_id)) {
      refresh();
      return;
    }
    if (!inChat(item)) {
      if (!known && !item.deleted) { S.unread[item.chat_id] = (S.unread[item.chat_id] || 0) + 1; renderChats(); }
      return;
    }
    const s = $('stream');
    const old = s.querySelector('.msg[data-id="' + item.id + '"]');
    if (item.deleted) { if (old) old.remove(); return; }
    const fresh = node(item);
    if (old) {
      fresh.classList.add('flash');
      old.replaceWith(fresh);
    } else {
      const atBottom = s.scrollHeight - s.scrollTop - s.clientHeight < 80;
      s.appendChild(fresh);
      if (atBottom || item.kind === 'user') s.scrollTop = s.scrollHeight;
    }
  }

  function connect() {
    if (S.source) S.source.close();
    S.source = new EventSource(API + '/events?persona=' + encodeURIComponent(S.persona));
    S.source.onmessage = e => {
      const item = JSON.parse(e.data);
      if (item.kind === 'hire_changed') hireChanged(); else apply(item);
    };
  }

  async function refresh() {
    const st = await call('GET', '/state?persona=' + encodeURIComponent(S.persona));
    S.people = st.people;
    S.personas = st.personas;
    S.chats = st.chats;
    if (!S.chats.some(c => c.chat_id === S.chat)) S.chat = S.chats[0].chat_id;
    S.items = new Map(st.items.map(i => [i.id, i]));
    const me = S.personas.find(p => p.open_id === S.persona);
    if (!S.locale) S.locale = me.locale;
    const sel = $('persona');
    sel.innerHTML = '';
    S.personas.forEach(p => {
      const o = document.createElement('option');
      o.value = p.open_id;
      o.textContent = ROLES[p.role] + ' — ' + name(p.open_id);
      sel.appendChild(o);
    });
    sel.value = S.persona;
    $('locale').value = S.locale;
    document.body.dataset.persona = S.persona;
    renderChats();
    renderStream();
    $('clock-next-btn').disabled = $('clock-hour').disabled = $('clock-run').disabled = !st.clock;
  }

  async function switchPersona(openId) {
    S.persona = openId;
    S.locale = null;
    S.unread = {};
    connect();
    await refresh();
  }

  $('persona').onchange = e => switchPersona(e.target.value);
  $('locale').onchange = e => { S.locale = e.target.value; renderChats(); renderStream(); renderHire(); };

  $('composer').onsubmit = async e => {
    e.preventDefault();
    const text = $('composer-text').value.trim();
    if (!text) return;
    $('send').disabled = true;
    try {
      await call('POST', '/say', { persona: S.persona, chat_id: S.chat, text, mention: $('mention').checked });
      $('composer-text').value = '';
    } catch (err) {
      toast('error', err.message);
    } finally {
      $('send').disabled = false;
    }
  };

  /* Hire panel */
  async function loadHire() {
    S.hire = await call('GET', '/hire');
    const sel = $('hire-job');
    const keep = S.job || (S.hire.jobs[0] && S.hire.jobs[0].id);
    sel.innerHTML = '';
    S.hire.jobs.forEach(j => {
      const o = document.createElement('option');
      o.value = j.id;
      o.textContent = j.code + ' · ' + j.title;
      sel.appendChild(o);
    });
    sel.value = keep;
    S.job = keep;
    renderHire();
  }

  /* Hire changed (a button in a card, a routine, this panel): one reload for a burst of changes. */
  function hireChanged() {
    clearTimeout(S.hireReload);
    S.hireReload = setTimeout(loadHire, 150);
  }

  function optionList(select, list, current) {
    list.forEach(([value, label]) => {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = label;
      select.appendChild(o);
    });
    select.value = current;
  }

  const OFFER = { 1: 'not applied', 2: 'approving', 3: 'withdrawn', 4: 'approved', 5: 'not approved', 6: 'sent',
    7: 'accepted', 8: 'declined', 9: 'expired', 10: 'created' };

  function renderHire() {
    if (!S.hire) return;
    const job = S.hire.jobs.find(j => j.id === S.job);
    const body = $('hire-apps').querySelector('tbody');
    body.innerHTML = '';
    if (!job) return;
    job.applications.forEach(a => {
      const tr = document.createElement('tr');
      tr.dataset.app = a.id;
      tr.dataset.talent = a.talent;
      if (!a.active) tr.className = 'inactive';
      const nameTd = document.createElement('td');
      nameTd.textContent = a.talent;
      const stageTd = document.createElement('td');
      const stage = document.createElement('select');
      stage.className = 'stage';
      optionList(stage, job.stages.map(s => [s.id, s[S.locale] || s.en_us]), a.stage_id);
      stage.onchange = () => hireChange('/hire/move', { application_id: a.id, stage_id: stage.value },
        a.talent + ' → ' + stage.selectedOptions[0].textContent);
      stageTd.appendChild(stage);
      const offerTd = document.createElement('td');
      if (a.offer) {
        const o = document.createElement('select');
        o.className = 'offer';
        optionList(o, S.hire.offer_statuses.map(s => [s, s + ' ' + OFFER[s]]), a.offer.status);
        o.onchange = () => hireChange('/hire/offer', { offer_id: a.offer.id, status: Number(o.value) },
          'offer of ' + a.talent + ': ' + OFFER[o.value]);
        offerTd.appendChild(o);
      }
      tr.append(nameTd, stageTd, offerTd);
      body.appendChild(tr);
    });
  }

  async function hireChange(path, body, what) {
    try {
      await call('POST', path, body);
      toast('info', 'Hire: ' + what);
    } catch (e) {
      toast('error', e.message);
    }
    await loadHire();
  }

  $('hire-job').onchange = e => { S.job = e.target.value; renderHire(); };
  $('hire-add').onsubmit = e => {
    e.preventDefault();
    const nameText = $('hire-add-name').value.trim();
    if (!nameText) return;
    $('hire-add-name').value = '';
    const job = (S.hire && S.hire.jobs || []).find(j => j.id === S.job);
    hireChange('/hire/add', { job_id: S.job, name: nameText }, nameText + ' applied. The bot\'s poll posts it in chats that follow '
      + (job ? job.code : 'the job') + ' (say “subscribe job ' + (job ? job.code : '…') + '” first); +1 h or Run routines polls now');
  };

  /* Clock */
  async function loadClock() {
    const c = await call('GET', '/clock');
    $('clock-now').textContent = 'Now: ' + new Date(c.now).toLocaleString() + (c.offset_seconds ? ' (+' + Math.round(c.offset_seconds / 60) + ' min)' : '');
    $('clock-next').textContent = c.available ? 'Next digest / reminder: ' + (c.next_due ? new Date(c.next_due).toLocaleString() : 'none scheduled') : 'Clock control unavailable';
  }

  async function moveClock(body) {
    try {
      const r = await call('POST', '/clock', body);
      toast('info', (r.moved_seconds ? 'Clock moved ' + Math.round(r.moved_seconds / 60) + ' min; ' : '') + 'the bot\'s routines ran');
    } catch (e) {
      toast('error', e.message);
    }
    await loadClock();
    await loadHire();
  }

  $('clock-next-btn').onclick = () => moveClock({ to: 'next' });
  $('clock-hour').onclick = () => moveClock({ minutes: 60 });
  $('clock-run').onclick = () => moveClock({ to: 'now' });

  connect();
  refresh().then(async () => {
    // /sandbox?say=…&chat=p2p|group&user=ou_… says a text at once, as that person.
    if (params.get('say')) {
      const p2p = params.get('chat') === 'p2p';
      const chat = p2p ? S.chats.find(c => c.type === 'p2p') : S.chats.find(c => c.chat_id === 'oc_demo_team');
      if (chat) { S.chat = chat.chat_id; renderChats(); renderStream(); }
      await call('POST', '/say', { persona: S.persona, chat_id: S.chat, text: params.get('say'), mention: !p2p })
        .catch(e => toast('error', e.message));
    }
    document.body.dataset.ready = 'true';
  });
  loadHire();
  loadClock();
  setInterval(loadClock, 30000);
})();
