/**
 * The status page: one self-contained HTML document (no CDN, no external
 * script or style). It subscribes to /events (server-sent events) and
 * redraws the host table, the cluster facts, the transition log and the
 * lifecycle chart with the selected host's states lit (/chart.svg).
 */
export const statusPageHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mgmt cluster</title>
<style>
body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}
tr.sel{background:#fff6d5}tr{cursor:pointer}
#chart svg{max-width:100%;height:auto}.facts span{margin-right:1.5em}
#log{font:12px monospace;max-height:16em;overflow:auto;background:#f7f7f7;padding:.5em}
</style></head><body>
<h1>mgmt cluster <small id="me"></small></h1>
<div class="facts" id="facts"></div>
<table id="hosts"><thead><tr><th>host</th><th>state</th><th>role</th><th>zone</th><th>member</th><th>term</th><th>commit</th><th>applied</th><th>advertised</th><th>why</th></tr></thead><tbody></tbody></table>
<h2>lifecycle of <span id="selname"></span></h2><div id="chart"></div>
<h2>recent transitions</h2><div id="log"></div>
<script>
let selected = null, lastChart = '';
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
function draw(v) {
  document.getElementById('me').textContent = 'seen from ' + v.self.hostname;
  document.getElementById('facts').innerHTML =
    '<span>leader: <b id="leader">' + esc(v.leaderName ?? 'none') + '</b></span>' +
    '<span>idealClusterSize: <b id="ideal">' + esc(v.idealClusterSize ?? '?') + '</b></span>' +
    '<span>members: <b id="members">' + v.members + '</b></span>' +
    '<span>volunteers: <b id="volunteers">' + esc(v.volunteers.join(', ')) + '</b></span>';
  if (!selected || !v.hosts.some((h) => h.hostname === selected)) selected = v.self.hostname;
  const rows = v.hosts.map((h) => '<tr data-host="' + esc(h.hostname) + '" data-state="' + esc(h.state) + '"' + (h.hostname === selected ? ' class="sel"' : '') + '><td>' + esc(h.hostname) + '</td><td>' + esc(h.state) + '</td><td>' + esc(h.memberRole ? h.memberRole + ' (' + h.role + ')' : h.role) + '</td><td>' + esc(h.zone || '-') + '</td><td>' + esc(h.memberId ? h.memberId.toString(16) : '-') + '</td><td>' + esc(h.term ?? '') + '</td><td>' + esc(h.commit ?? '') + '</td><td>' + esc(h.applied ?? '') + '</td><td>' + esc([...(h.clientUrls ?? []), ...(h.peerUrls ?? [])].join(' ')) + '</td><td>' + esc(h.reason) + '</td></tr>');
  const body = document.querySelector('#hosts tbody');
  body.innerHTML = rows.join('');
  for (const tr of body.querySelectorAll('tr')) tr.onclick = () => { selected = tr.dataset.host; draw(v); };
  const host = v.hosts.find((h) => h.hostname === selected);
  document.getElementById('selname').textContent = selected;
  const states = (host?.activeStates ?? []).join(',');
  if (states !== lastChart) {
    lastChart = states;
    fetch('chart.svg?states=' + encodeURIComponent(states)).then((r) => r.text()).then((svg) => {
      const c = document.getElementById('chart'); c.innerHTML = svg; c.dataset.states = states;
    });
  }
  document.getElementById('log').innerHTML = v.transitions.slice().reverse().map((t) => esc(new Date(t.atMs).toISOString().slice(11, 23) + ' ' + t.host + ' ' + t.state + ': ' + t.reason)).join('<br>');
}
const events = new EventSource('events');
events.onmessage = (e) => draw(JSON.parse(e.data));
</script></body></html>
`;
