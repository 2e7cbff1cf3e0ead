package io.hirebot.sandbox;

/** The HTML of GET /sandbox: a text box that calls /sandbox/say and draws the reply card crudely. */
final class TryItPage {

  private TryItPage() {}

  static final String HTML = """
      <!doctype html>
      <html><head><meta charset="utf-8"><title>HireBot sandbox</title>
      <style>body{font-family:sans-serif;max-width:720px;margin:2em auto}#out{margin-top:1em}
      .card{border:1px solid #ccc;border-radius:8px;padding:1em}.title{font-weight:bold;font-size:1.2em}
      .btn{display:inline-block;border:1px solid #3370ff;color:#3370ff;border-radius:4px;padding:2px 8px;margin:2px}
      pre{white-space:pre-wrap}</style></head>
      <body><h1>HireBot sandbox</h1>
      <p>Talk to the bot as a recruiter. Try <code>show candidates for job Backend</code> or <code>今天的面试</code>.</p>
      <form id="f"><input id="t" size="60" value="show candidates for job Backend">
      <select id="c"><option value="group">group @HireBot</option><option value="p2p">private chat</option></select>
      <button>Send</button></form><div id="out"></div>
      <script>
      function esc(s){return String(s).replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));}
      function walk(es,out){(es||[]).forEach(e=>{
        if(e.tag==='markdown')out.push('<pre>'+esc(e.content)+'</pre>');
        else if(e.tag==='div'&&e.text)out.push('<pre>'+esc(e.text.content)+'</pre>');
        else if(e.tag==='button')out.push('<span class="btn">'+esc((e.text||{}).content||'button')+'</span>');
        else if(e.tag==='hr')out.push('<hr>');
        walk(e.elements,out);walk(e.columns,out);});}
      function render(r){const c=r.content;if(r.msg_type==='text')return '<pre>'+esc(c.text)+'</pre>';
        if(r.msg_type!=='interactive')return '<pre>'+esc(JSON.stringify(c,null,2))+'</pre>';
        const out=['<div class="card">'];if(c.header&&c.header.title)out.push('<div class="title">'+esc(c.header.title.content)+'</div>');
        walk((c.body||{}).elements,out);out.push('</div>');return out.join('');}
      document.getElementById('f').onsubmit=async ev=>{ev.preventDefault();const o=document.getElementById('out');o.textContent='…';
        const r=await fetch('/sandbox/say',{method:'POST',headers:{'Content-Type':'application/json'},
          body:JSON.stringify({text:document.getElementById('t').value,chat:document.getElementById('c').value})});
        const j=await r.json();o.innerHTML=j.reply?render(j.reply):'<pre>'+esc(JSON.stringify(j,null,2))+'</pre>';};
      </script></body></html>
      """;
}
