package io.hirebot.sandbox;

/**
 * The HTML of {@code GET /sandbox}: a text box that sends a message to the bot through {@code /sandbox/say}
 * and draws the reply card roughly the way a Feishu client lays it out (header colour, tags, markdown,
 * column sets, buttons, menus, form fields). Static text, no templating.
 */
final class TryItPage {
  static final String HTML = """
      <!doctype html>
      <html><head><meta charset="utf-8"><title>HireBot sandbox</title>
      <style>
      body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;max-width:760px;margin:2em auto;color:#1f2329}
      #out{margin-top:1em}
      .card{border:1px solid #dee0e3;border-radius:10px;overflow:hidden;box-shadow:0 2px 8px rgba(31,35,41,.08)}
      .hd{padding:12px 16px;color:#fff}.hd .t{font-weight:600;font-size:17px}.hd .s{opacity:.85;font-size:13px;margin-top:2px}
      .tag{display:inline-block;background:rgba(255,255,255,.25);border-radius:4px;padding:0 6px;margin-left:8px;font-size:12px;font-weight:400}
      .bd{padding:8px 16px 14px}.md{margin:6px 0;line-height:1.5;white-space:pre-wrap}.small{font-size:12px;color:#646a73}
      hr{border:none;border-top:1px solid #e4e5e7;margin:10px 0}
      .row{display:flex;align-items:center;gap:6px}.col{flex:0 0 auto}.col.w{flex:1 1 0}
      .btn{display:inline-block;border:1px solid #d0d3d6;border-radius:6px;padding:2px 10px;font-size:13px;background:#fff;white-space:nowrap}
      .btn.primary,.btn.primary_filled{border-color:#3370ff;color:#3370ff}.btn.primary_filled{background:#3370ff;color:#fff}
      .btn.danger,.btn.danger_filled{border-color:#f54a45;color:#f54a45}.btn.danger_filled{background:#f54a45;color:#fff}
      .btn.text{border:none;color:#3370ff}.btn[disabled]{opacity:.4}.menu{border:1px solid #d0d3d6;border-radius:6px;padding:0 8px}
      .field{border:1px solid #d0d3d6;border-radius:6px;padding:6px 8px;margin:6px 0;color:#8f959e}
      .blue{background:#3370ff}.wathet{background:#5eb7ff}.turquoise{background:#0fb6a6}.green{background:#34c724}
      .yellow{background:#ffc60a}.orange{background:#ff8800}.red{background:#f54a45}.carmine{background:#d62b6b}
      .violet{background:#9f6fff}.purple{background:#8d55ed}.indigo{background:#4954e6}.grey{background:#8f959e}.default{background:#8f959e}
      </style></head>
      <body><h1>HireBot sandbox</h1>
      <p>Talk to the bot as a recruiter. Try <code>show candidates for job Backend Engineer</code>,
      <code>后端开发工程师的候选人</code> or <code>jobs</code>.</p>
      <form id="f"><input id="t" size="60" value="show candidates for job Backend Engineer">
      <select id="c"><option value="group">group @HireBot</option><option value="p2p">private chat</option></select>
      <button>Send</button></form><div id="out"></div>
      <script>
      function esc(s){return String(s).replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));}
      function md(s){return esc(s).replace(/\\*\\*(.+?)\\*\\*/g,'<b>$1</b>').replace(/`(.+?)`/g,'<code>$1</code>')
        .replace(/&lt;at id=([^&]*)&gt;&lt;\\/at&gt;/g,'<b>@$1</b>')
        .replace(/&amp;#(\\d+);/g,'&#$1;');}
      function txt(t){return esc((t||{}).content||'');}
      function el(e){
        switch(e.tag){
          case 'markdown':return '<div class="md'+(e.text_size==='notation'?' small':'')+'">'+md(e.content)+'</div>';
          case 'hr':return '<hr>';
          case 'button':return '<span class="btn '+(e.type||'')+'"'+(e.disabled===true?' disabled':'')+'>'+txt(e.text)+'</span>';
          case 'overflow':return '<span class="btn menu">⋯</span>';
          case 'person':return '<b>@'+esc(e.user_id)+'</b>';
          case 'column_set':return '<div class="row">'+(e.columns||[]).map(c=>'<div class="col'
              +(c.width==='weighted'?' w':'')+'">'+all(c.elements)+'</div>').join('')+'</div>';
          case 'form':return '<div>'+all(e.elements)+'</div>';
          case 'select_static':return '<div class="field">▾ '+txt(e.placeholder)+'</div>';
          case 'input':return '<div class="field">'+txt(e.placeholder)+'</div>';
          default:return all(e.elements);}}
      function all(es){return (es||[]).map(el).join('');}
      function render(r){const c=r.content;if(r.msg_type==='text')return '<div class="card"><div class="bd md">'+md(c.text)+'</div></div>';
        if(r.msg_type!=='interactive')return '<pre>'+esc(JSON.stringify(c,null,2))+'</pre>';
        const h=c.header||{};const tags=(h.text_tag_list||[]).map(t=>'<span class="tag">'+txt(t.text)+'</span>').join('');
        return '<div class="card"><div class="hd '+esc(h.template||'blue')+'"><div class="t">'+txt(h.title)+tags+'</div>'
          +(h.subtitle?'<div class="s">'+txt(h.subtitle)+'</div>':'')+'</div><div class="bd">'+all((c.body||{}).elements)+'</div></div>';}
      async function send(text,chat){const o=document.getElementById('out');o.textContent='…';
        const r=await fetch('/sandbox/say',{method:'POST',headers:{'Content-Type':'application/json'},
          body:JSON.stringify({text:text,chat:chat,user:q.get('user')||undefined})});
        const j=await r.json();o.innerHTML=j.reply?render(j.reply):'<pre>'+esc(JSON.stringify(j,null,2))+'</pre>';}
      document.getElementById('f').onsubmit=ev=>{ev.preventDefault();
        send(document.getElementById('t').value,document.getElementById('c').value);};
      const q=new URLSearchParams(location.search);if(q.get('say'))send(q.get('say'),q.get('chat')||'group');
      </script></body></html>
      """;

  private TryItPage() {}
}
