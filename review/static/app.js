// veil review: plain JS, no build step, no external resources.
"use strict";
(function () {
  const TOKEN = new URLSearchParams(location.search).get("token") || "";
  const KINDS = ["person", "place", "institution", "contact", "date"];
  const $ = (id) => document.getElementById(id);
  const S = { list: [], view: null, sel: null, reviewer: "", byId: new Map(), flags: [], busy: false };
  window.veil = S; // for tests and benchmarks

  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  const clock = (t) => {
    if (t == null) return "";
    t = Math.max(0, Math.floor(t));
    const h = Math.floor(t / 3600), m = Math.floor(t / 60) % 60, s = t % 60;
    return (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(s).padStart(2, "0");
  };

  async function api(path, body) {
    const opts = { headers: { "X-Veil-Token": TOKEN }, credentials: "same-origin" };
    if (body !== undefined) {
      opts.method = "POST";
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    let r;
    try { r = await fetch(path, opts); } catch (e) {
      throw Object.assign(new Error("veil review is not running any more: start it again to go on"), { status: 0 });
    }
    let data = {};
    try { data = await r.json(); } catch (e) { /* not JSON */ }
    if (!r.ok) throw Object.assign(new Error(data.error || "error " + r.status), { status: r.status, data });
    return data;
  }

  let toastTimer = null;
  function toast(msg, err, sticky) {
    const t = $("toast");
    t.textContent = msg;
    t.className = "show" + (err ? " err" : "");
    clearTimeout(toastTimer);
    if (!sticky) toastTimer = setTimeout(() => { t.className = err ? "err" : ""; }, err ? 4000 : 1800);
  }

  // ------------------------------------------------------------------ routing
  function route() {
    const m = location.hash.match(/^#\/t\/([^/]*)(?:\/(\d+))?/);
    return m ? { name: decodeURIComponent(m[1]), item: m[2] ? +m[2] : null } : { name: null, item: null };
  }
  function setHash(name, item) {
    const h = name ? "#/t/" + encodeURIComponent(name) + (item ? "/" + item : "") : "#";
    if (location.hash !== h) history.replaceState(null, "", location.pathname + location.search + h);
  }

  async function loadList() {
    const d = await api("/api/transcripts");
    S.list = d.transcripts;
    S.reviewer = d.reviewer;
    $("who").textContent = "reviewer: " + d.reviewer;
    renderList();
  }

  function renderList() {
    const cur = S.view && S.view.name;
    let h = "<h2>Transcripts</h2>";
    for (const t of S.list) {
      const badge = t.open ? `<span class="badge" title="open flags">${t.open}</span>`
                           : `<span class="badge done" title="no open flags">✓</span>`;
      h += `<a href="#/t/${encodeURIComponent(t.name)}" data-name="${esc(t.name)}"` +
           `${t.name === cur ? ' class="current" aria-current="page"' : ""}>` +
           `<span class="name">${esc(t.name)}</span>${badge}</a>`;
    }
    $("list").innerHTML = h;
  }

  function renderHome() {
    S.view = null; S.sel = null;
    $("crumb").textContent = "";
    setProgress(null);
    let rows = "";
    for (const t of S.list) {
      rows += `<tr><td><a href="#/t/${encodeURIComponent(t.name)}">${esc(t.name)}</a></td>` +
              `<td>${t.open ? `<span class="badge">${t.open} open</span>` : '<span class="badge done">reviewed</span>'}</td>` +
              `<td>${t.flags}</td><td>${t.items}</td><td>${t.audio ? "yes" : ""}</td></tr>`;
    }
    $("doc").innerHTML = `<div class="home"><table><thead><tr><th>Transcript</th><th>Flags open</th>` +
      `<th>Flags</th><th>Replacements</th><th>Audio</th></tr></thead><tbody>${rows}</tbody></table></div>`;
    $("panel").innerHTML = `<div class="box"><h2>How to review</h2><p class="hint">Open a transcript. ` +
      `Flags are outlined in red: press <kbd>j</kbd> to go to the next one, <kbd>a</kbd> to accept, ` +
      `<kbd>r</kbd> to reject. Select words and press <kbd>m</kbd> to mark a missed identifier. ` +
      `Every decision is saved at once. <kbd>?</kbd> lists every key.</p></div>`;
    renderList();
  }

  // ------------------------------------------------------------------ transcript
  function setProgress(p) {
    if (!p) { $("progress-text").textContent = ""; $("progress-bar").firstChild.style.width = "0"; return; }
    $("progress-text").textContent = `${p.decided} / ${p.flags} flags decided`;
    $("progress-bar").firstChild.style.width = (p.flags ? (100 * p.decided / p.flags) : 100) + "%";
  }

  function itemHtml(it, inner) {
    const to = it.status === "rejected" ? (it.pseudonym || "new pseudonym")
             : it.replaced || it.status !== "open" ? (it.pseudonym || "new pseudonym") : (it.pseudonym || "?");
    const cls = `it k-${it.kind} st-${it.status}${it.flag ? " flag" : ""}`;
    return `<mark class="${cls}" id="i${it.id}" data-id="${it.id}">${inner}` +
           `<span class="to" aria-label="becomes">→ ${esc(to)}</span></mark>`;
  }

  // names the study knows that this transcript would still show: export refuses it until
  // each is replaced (select one and accept it: it is marked and replaced everywhere)
  function withLeaks(v) {
    if (v._leaks) return;
    v._leaks = true;
    (v.leaks || []).forEach((l, n) => v.items.push(Object.assign({
      id: "L" + n, status: "open", flag: true, replaced: false, pseudonym: null, entity: null, score: null,
      reviewer: null, leak: true, reason: "refused at export: a name the study knows, not replaced here" }, l)));
  }

  function approval(v) {
    const open = v.items.some((i) => i.flag && i.status === "open");
    if (v.approved) return `<div class="sub approved">approved for analysis by ${esc(v.approved.reviewer)} · ${esc(v.approved.at)}</div>`;
    if (open) return "";
    return `<div class="sub"><button id="b-approve" type="button" class="primary">Approve transcript for analysis</button></div>`;
  }

  function renderDoc(keepScroll) {
    const v = S.view;
    withLeaks(v);
    const byTurn = new Map(), byLabel = new Map();
    S.byId = new Map();
    for (const it of v.items) {
      S.byId.set(it.id, it);
      if (it.field === "speaker") { byLabel.set(v.turns[it.turn].speaker, it); continue; }
      if (!byTurn.has(it.turn)) byTurn.set(it.turn, []);
      byTurn.get(it.turn).push(it);
    }
    const shown = new Set();
    // a speaker label holding a name: marked like any replacement, once with its id
    const label = (speaker) => {
      const it = byLabel.get(speaker);
      if (!it) return esc(speaker || "");
      const h = esc(speaker.slice(0, it.start)) + itemHtml(it) + esc(speaker.slice(it.end));
      if (shown.has(it.id)) return h.replace(` id="i${it.id}"`, "");
      shown.add(it.id);
      return h;
    };
    S.flags = v.items.filter((i) => i.flag);
    const parts = [];
    parts.push(`<div class="sheet">${v.audio ? listenBar() : ""}<h1>${esc(v.name)}</h1><div class="sub">${v.words.toLocaleString()} words · ` +
      `${v.items.length} replacements · ${S.flags.length} flags${v.audio ? " · audio" : ""}</div><div class="legend">` +
      KINDS.map((k) => `<span class="chip k-${k}">${k}</span>`).join("") + `</div>` +
      (v.leaks && v.leaks.length ? `<div class="sub refused">Export refuses this transcript: ${v.leaks.length} name(s) ` +
        `the study knows are not replaced below. Select one and press <kbd>a</kbd> to replace it everywhere.</div>` : "") +
      approval(v));
    v.turns.forEach((t, ti) => {
      const its = (byTurn.get(ti) || []).slice().sort((a, b) => a.start - b.start || b.end - a.end);
      let pos = 0, h = "";
      for (const it of its) {
        if (it.start < pos) continue; // overlapping item: the first one is shown (and applied)
        h += wordsHtml(t, ti, pos, it.start) + itemHtml(it, wordsHtml(t, ti, it.start, it.end));
        pos = it.end;
      }
      h += wordsHtml(t, ti, pos, t.text.length);
      parts.push(`<div class="turn" data-turn="${ti}">${whoHtml(t, ti, label)}<p class="txt" data-turn="${ti}">${h}</p></div>`);
    });
    parts.push("</div>");
    const y = window.scrollY;
    $("doc").innerHTML = parts.join("");
    S.editing = null;
    indexWords();
    if (keepScroll) window.scrollTo(0, y);
    $("crumb").textContent = v.name;
    setProgress(v.progress);
    const entry = S.list.find((t) => t.name === v.name);
    if (entry) { entry.open = v.progress.flags - v.progress.decided; }
    renderList();
  }

  async function openTranscript(name, item) {
    try {
      S.view = await api("/api/transcript?name=" + encodeURIComponent(name));
    } catch (e) { toast(e.message, true); renderHome(); return; }
    if (S.view.audio) await audioTicket(name);
    renderDoc(false);
    const first = item && S.byId.has(item) ? item : (S.flags.find((i) => i.status === "open") || {}).id;
    select(first || null, true);
    window.veilReady = performance.now();
    document.dispatchEvent(new Event("veil:rendered"));
  }

  // ------------------------------------------------------------------ selection and panel
  function select(id, scroll) {
    const old = document.querySelector("mark.sel");
    if (old) old.classList.remove("sel");
    const before = S.sel;
    S.sel = id && S.byId.has(id) ? id : null;
    if (S.sel !== before) S.cue = S.sel; // space now plays the seconds around it
    if (S.sel) {
      const el = $("i" + S.sel);
      if (el) {
        el.classList.add("sel");
        if (scroll) el.scrollIntoView({ block: "center" });
      }
    }
    setHash(S.view && S.view.name, S.sel);
    renderPanel();
  }

  function renderPanel() {
    const it = S.sel && S.byId.get(S.sel);
    const v = S.view;
    if (!it) {
      $("panel").innerHTML = `<div class="box"><h2>Item</h2><p class="hint">${S.flags.some((i) => i.status === "open")
        ? "Press <kbd>j</kbd> for the next flag, or click a highlighted word."
        : "No open flags in this transcript. Click any highlight to change it, or select missed words and press <kbd>m</kbd>."}</p></div>`;
      return;
    }
    const statusText = { open: "flagged", accepted: "accepted", rejected: "rejected: original kept",
                         corrected: "corrected", auto: "automatic" }[it.status] || it.status;
    const becomes = it.status === "rejected" ? `<span class="new">${esc(it.text)}</span> <span class="hint">(kept)</span>`
      : `<span class="new">${esc(it.pseudonym || "a new pseudonym")}</span>`;
    const kindOpts = KINDS.map((k) => `<option${k === it.kind ? " selected" : ""}>${k}</option>`).join("");
    const ents = v.entities.filter((e) => e.id !== it.entity)
      .map((e) => `<option value="${e.id}">${esc(e.real)} → ${esc(e.pseudonym)} (${e.kind})</option>`).join("");
    const decided = it.status !== "open" && it.status !== "auto";
    $("panel").innerHTML = `<div class="box">
      <h2>Item ${S.flags.indexOf(it) >= 0 ? `· flag ${S.flags.indexOf(it) + 1} of ${S.flags.length}` : ""}</h2>
      <div class="card">
        <span class="chip k-${it.kind}">${it.kind}</span><span class="status s-${it.status}">${statusText}</span>
        <div class="map"><span class="old">${esc(it.text)}</span><span class="arrow">→</span>${becomes}</div>
        <div class="reason">${esc(it.reason)}${it.score != null ? ` · score ${(+it.score).toFixed(2)}` : ""}` +
        `${it.reviewer ? ` · by ${esc(it.reviewer)}` : ""}</div>
        <div class="row">
          <button id="b-accept" class="ok" type="button">Accept <kbd>a</kbd></button>
          <button id="b-reject" class="danger" type="button">Reject <kbd>r</kbd></button>
          ${decided ? '<button id="b-reopen" type="button">Reopen <kbd>u</kbd></button>' : ""}
          ${v.audio ? '<button id="b-play" type="button" title="Play the seconds around this item">▶ Play <kbd>space</kbd></button>' : ""}
        </div>
        <label class="field-label" for="f-rename">Pseudonym ${it.entity ? "(for this entity everywhere)" : "(this mention)"}</label>
        <div class="row"><input id="f-rename" value="${esc(it.pseudonym || "")}" autocomplete="off" spellcheck="false">
          <button id="b-rename" type="button">Rename <kbd>e</kbd></button></div>
        <label class="field-label" for="f-kind">Kind</label>
        <div class="row"><select id="f-kind">${kindOpts}</select><button id="b-kind" type="button">Set <kbd>t</kbd></button></div>
        <label class="field-label" for="f-merge">Same as another entity</label>
        <div class="row"><select id="f-merge"><option value="">choose…</option>${ents}</select>
          <button id="b-merge" type="button">Merge <kbd>g</kbd></button></div>
        ${it.entity ? '<div class="row"><button id="b-split" type="button" title="This mention is someone else">Split: a different entity <kbd>s</kbd></button></div>' : ""}
      </div>
      <p class="hint">Missed a name? Select its words in the text and press <kbd>m</kbd>.</p></div>`;
    const on = (id, f) => { const b = $(id); if (b) b.addEventListener("click", f); };
    on("b-accept", () => act("accept"));
    on("b-reject", () => act("reject"));
    on("b-reopen", () => act("reopen"));
    on("b-play", () => play());
    on("b-rename", () => act("rename", { pseudonym: $("f-rename").value }));
    on("b-kind", () => act("kind", { kind: $("f-kind").value }));
    on("b-merge", () => { if ($("f-merge").value) act("merge", { into: +$("f-merge").value }); else $("f-merge").focus(); });
    on("b-split", () => act("split"));
    $("f-rename").addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); act("rename", { pseudonym: e.target.value }); }
    });
    $("f-kind").addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); act("kind", { kind: e.target.value }); }
    });
    $("f-merge").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && e.target.value) { e.preventDefault(); act("merge", { into: +e.target.value }); }
    });
  }

  // ------------------------------------------------------------------ decisions
  async function act(op, extra) {
    if (S.busy) return;
    const alone = op === "missed" || op === "approve" || TURN_OPS.has(op);
    const it = alone ? null : S.byId.get(S.sel);
    if (!alone && !it) { toast("select an item first (j for the next flag)", true); return; }
    if (it && it.leak) {   // a known name left unreplaced: accepting it marks it everywhere
      if (op !== "accept") { toast("accept (a) replaces it; nothing else applies to it", true); return; }
      return act("missed", { text: it.text, kind: it.kind });
    }
    const body = Object.assign({ op, name: S.view.name }, it ? { item: it.id, seen: it.status } : {}, extra || {});
    S.busy = true;
    // a correction of the words sends the whole transcript through de-identification again
    if (TURN_OPS.has(op) && op !== "speaker") toast("saving, then de-identifying the transcript again…", false, true);
    const t0 = performance.now();
    let res;
    try {
      res = await api("/api/action", body);
    } catch (e) {
      S.busy = false;
      toast(e.message, true);
      if (e.data && e.data.transcript) { S.view = e.data.transcript; renderDoc(true); select(S.sel, false); }
      return;
    }
    S.view = res.transcript;
    renderDoc(true);
    let next = it ? it.id : null;
    if ((op === "accept" || op === "reject") && it) {
      // go on to the next open flag after this one (or the first open one)
      const order = S.flags;
      const at = order.findIndex((i) => i.id === it.id);
      const after = order.slice(at + 1).concat(order.slice(0, Math.max(at, 0)));
      const n = after.find((i) => i.status === "open");
      next = n ? n.id : it.id;
    }
    if (next && !S.byId.has(next)) next = null;
    select(next, op === "accept" || op === "reject");
    S.busy = false;
    S.lastActionMs = performance.now() - t0;
    document.dispatchEvent(new Event("veil:acted"));
    toast(res.message);
    loadList().catch(() => {});
  }

  function step(dir) {
    if (!S.view || !S.flags.length) return;
    const i = S.flags.findIndex((x) => x.id === S.sel);
    let n;
    if (i < 0) {
      // from the selected (unflagged) item, or the top: the nearest flag in that direction
      const all = S.view.items, at = all.findIndex((x) => x.id === S.sel);
      const cands = dir > 0 ? all.slice(at + 1).filter((x) => x.flag) : all.slice(0, Math.max(at, 0)).filter((x) => x.flag).reverse();
      n = cands[0] || (dir > 0 ? S.flags[0] : S.flags[S.flags.length - 1]);
    } else {
      n = S.flags[(i + dir + S.flags.length) % S.flags.length];
    }
    select(n.id, true);
  }

  // ------------------------------------------------------------------ audio
  async function play() {
    const it = S.byId.get(S.sel);
    if (!it || !S.view.audio) return;
    let clip;
    try { clip = await api("/api/clip?item=" + it.id); } catch (e) { toast(e.message, true); return; }
    if (clip.error) { toast(clip.error, true); return; }
    const a = ensureSrc();
    a.dataset.end = clip.end;
    const go = () => { a.currentTime = clip.start; a.play().catch((e) => toast("cannot play audio: " + e.message, true)); };
    if (a.readyState >= 1) go(); else { a.addEventListener("loadedmetadata", go, { once: true }); a.load(); }
    S.clip = clip;
  }
  $("player").addEventListener("timeupdate", (e) => {
    const a = e.target;
    if (a.dataset.end && a.currentTime >= +a.dataset.end) { a.pause(); }
  });

  // ------------------------------------------------------------------ listen and correct
  // Transcripts from recordings: every word plays from its time, the word being spoken is
  // highlighted, and a turn's text, speaker and boundaries can be corrected (saved at once,
  // then de-identified again on the server).
  const TURN_OPS = new Set(["edit_turn", "speaker", "split_turn", "merge_turns"]);
  const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
  const player = () => $("player");

  function listenBar() {
    const rate = player().playbackRate;
    const opts = SPEEDS.map((r) => `<option value="${r}"${r === rate ? " selected" : ""}>${r}×</option>`).join("");
    return `<div class="listen" id="listen"><button id="b-pp" type="button" aria-label="Play or pause">` +
      `${player().paused ? "▶" : "❚❚"}</button><span id="ltime">${clock(player().currentTime)}</span>` +
      `<label>speed <select id="f-speed">${opts}</select></label><span class="hint">click a word to play from it` +
      `${S.view.editable ? " · <kbd>i</kbd> edit · <kbd>b</kbd> split · <kbd>J</kbd> merge · <kbd>w</kbd> speaker" : ""}</span></div>`;
  }

  function wordsHtml(t, ti, from, to) {
    if (!(S.view.audio || S.view.editable) || !t.words.length) return esc(t.text.slice(from, to));
    let h = "", pos = from;
    for (const [a, b, t0] of t.words) {
      if (b <= from || a >= to) continue;
      const s = Math.max(a, from), e = Math.min(b, to);
      h += esc(t.text.slice(pos, s)) +
        `<span class="w" data-t="${t0}" data-turn="${ti}" data-at="${a}">${esc(t.text.slice(s, e))}</span>`;
      pos = e;
    }
    return h + esc(t.text.slice(pos, to));
  }

  function whoHtml(t, ti, label) {
    const v = S.view;
    const ts = t.start == null ? "" : `<span class="ts"${v.audio ? ` data-t="${t.start}" title="Play from here"` : ""}>${clock(t.start)}</span>`;
    if (!v.editable) return t.speaker || ts ? `<div class="who">${label(t.speaker)}${ts}</div>` : "";
    const opts = (t.speaker ? "" : "<option selected></option>") + v.speakers.concat([v.new_speaker])
      .map((sp) => `<option${sp === t.speaker ? " selected" : ""}>${esc(sp)}</option>`).join("");
    return `<div class="who"><select class="spk" data-turn="${ti}" aria-label="Speaker of this turn">${opts}</select>${ts}` +
      `<span class="tools"><button type="button" data-tool="edit" title="Edit the text (i)">edit</button>` +
      `<button type="button" data-tool="split" title="Split before the current word (b)">split</button>` +
      `<button type="button" data-tool="merge" title="Merge with the next turn (J)">merge ↓</button></span></div>`;
  }

  function indexWords() {
    // playback order: [start time, turn, text offset], to find the word being spoken
    S.words = [];
    document.querySelectorAll("#doc .w").forEach((el) => {
      const last = S.words[S.words.length - 1];
      if (!last || last[1] !== +el.dataset.turn || last[2] !== +el.dataset.at) {
        S.words.push([+el.dataset.t, +el.dataset.turn, +el.dataset.at]);
      }
    });
    S.words.sort((a, b) => a[0] - b[0]);
    S.now = null;
    if (S.cur) setCur(S.cur.turn, S.cur.at);
  }
  const wordEls = (turn, at) => document.querySelectorAll(`#doc .w[data-turn="${turn}"][data-at="${at}"]`);

  function setCur(turn, at) {
    document.querySelectorAll("#doc .w.cur").forEach((el) => el.classList.remove("cur"));
    S.cur = turn == null || turn >= (S.view ? S.view.turns.length : 0) ? null : { turn, at };
    if (S.cur) wordEls(turn, at).forEach((el) => el.classList.add("cur"));
  }
  function curTurn() {
    if (S.cur) return S.cur.turn;
    const it = S.sel && S.byId.get(S.sel);
    return it ? it.turn : null;
  }
  function firstWord(ti) {
    const w = S.view.turns[ti].words;
    return w.length ? w[0][0] : 0;
  }

  // the audio element cannot send the token header: it asks with a ticket for this
  // transcript's recording, got with the header when the transcript opens
  async function audioTicket(name) {
    S.tickets = S.tickets || {};
    if (!S.tickets[name]) {
      try { S.tickets[name] = (await api("/api/audio-ticket?name=" + encodeURIComponent(name))).ticket; }
      catch (e) { toast(e.message, true); }
    }
  }
  function ensureSrc() {
    const a = player();
    const name = S.view.name;
    const src = "/api/audio?name=" + encodeURIComponent(name) + "&ticket=" + encodeURIComponent((S.tickets || {})[name] || "");
    if (a.dataset.src !== src) { a.src = src; a.dataset.src = src; }
    return a;
  }
  function startPlayer(a, at) {
    delete a.dataset.end; // plays on, not only the seconds around an item
    const go = () => {
      if (at != null) a.currentTime = at;
      a.play().catch((e) => toast("cannot play audio: " + e.message, true));
    };
    if (a.readyState >= 1) go(); else { a.addEventListener("loadedmetadata", go, { once: true }); a.load(); }
  }
  function playFrom(t) {
    if (!S.view || !S.view.audio) return;
    S.cue = null;
    startPlayer(ensureSrc(), t);
  }
  function togglePlay() {
    if (!S.view || !S.view.audio) return;
    const a = ensureSrc();
    if (!a.paused) { a.pause(); return; }
    if (S.cue && S.cue === S.sel) { S.cue = null; play(); return; } // a flag just chosen: its seconds
    startPlayer(a, null);
  }
  function setSpeed(r) {
    r = Math.min(2, Math.max(0.5, Math.round(r * 4) / 4));
    player().playbackRate = r;
    const f = $("f-speed");
    if (f) f.value = String(r);
    toast(`speed ${r}×`);
  }

  function follow() {
    const a = player();
    const t = a.currentTime;
    const lt = $("ltime");
    if (lt) lt.textContent = clock(t);
    // the last word that starts at or before t
    let lo = 0, hi = (S.words || []).length - 1, at = -1;
    while (lo <= hi) { const m = (lo + hi) >> 1; if (S.words[m][0] <= t + 0.02) { at = m; lo = m + 1; } else hi = m - 1; }
    const w = at >= 0 ? S.words[at] : null;
    const key = w ? w[1] + ":" + w[2] : null;
    if (key !== S.now) {
      document.querySelectorAll("#doc .w.now").forEach((el) => el.classList.remove("now"));
      S.now = key;
      if (w) {
        const els = wordEls(w[1], w[2]);
        els.forEach((el) => el.classList.add("now"));
        if (!a.paused && S.editing == null) {
          setCur(w[1], w[2]);
          const r = els[0] && els[0].getBoundingClientRect();
          if (r && (r.top < 90 || r.bottom > window.innerHeight - 40)) els[0].scrollIntoView({ block: "center" });
        }
      }
    }
    if (!a.paused) requestAnimationFrame(follow);
  }
  ["play", "pause", "seeked"].forEach((ev) => player().addEventListener(ev, () => {
    const b = $("b-pp");
    if (b) b.textContent = player().paused ? "▶" : "❚❚";
    requestAnimationFrame(follow);
  }));

  const turnData = (ti, extra) =>
    Object.assign({ turn: ti, was: S.view.turns[ti].text, turns: S.view.turns.length }, extra);

  function turnTool(tool, ti) {
    if (!S.view || ti == null || !S.view.turns[ti]) { toast("click a word of the turn first", true); return; }
    if (!S.view.editable) { toast("only transcripts made from recordings can be corrected here", true); return; }
    if (tool === "edit") editTurn(ti);
    else if (tool === "speaker") { const f = document.querySelector(`.spk[data-turn="${ti}"]`); if (f) f.focus(); }
    else if (tool === "merge") act("merge_turns", turnData(ti));
    else if (tool === "split") {
      if (!S.cur || S.cur.turn !== ti) { toast("click the word the new turn starts with, then split", true); return; }
      act("split_turn", turnData(ti, { at: S.cur.at }));
    }
  }

  function setSpeaker(ti, speaker) {
    if (speaker) act("speaker", turnData(ti, { speaker }));
  }

  function editTurn(ti) {
    const p = document.querySelector(`#doc .txt[data-turn="${ti}"]`);
    if (!p || S.busy) return;
    const ta = document.createElement("textarea");
    ta.className = "edit";
    ta.value = S.view.turns[ti].text;
    ta.dataset.turn = ti;
    ta.setAttribute("aria-label", "Text of this turn: Enter saves, Esc cancels, Ctrl+Space plays");
    ta.spellcheck = false;
    p.replaceWith(ta);
    S.editing = ti;
    const fit = () => { ta.style.height = "auto"; ta.style.height = ta.scrollHeight + 4 + "px"; };
    fit();
    ta.addEventListener("input", fit);
    ta.focus();
    const at = S.cur && S.cur.turn === ti ? S.cur.at : ta.value.length;
    ta.setSelectionRange(at, at);
    ta.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); saveEdit(ta); }
      else if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); renderDoc(true); select(S.sel, false); }
    });
  }

  function saveEdit(ta) {
    const ti = +ta.dataset.turn;
    const text = ta.value.replace(/\s+/g, " ").trim();
    if (text === S.view.turns[ti].text) { renderDoc(true); select(S.sel, false); return; }
    act("edit_turn", turnData(ti, { text }));
  }

  // ------------------------------------------------------------------ missed identifiers
  let missedText = "";
  function selectedWords() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !S.view) return null;
    const range = sel.getRangeAt(0);
    const p = (n) => (n.nodeType === 1 ? n : n.parentElement).closest(".txt");
    const a = p(range.startContainer), b = p(range.endContainer);
    if (!a || a !== b) return null;
    const text = sel.toString().replace(/\s+/g, " ").trim();
    return text ? { text, rect: range.getBoundingClientRect() } : null;
  }
  function openMissed(w) {
    missedText = w.text;
    $("missed-text").textContent = w.text;
    const pop = $("missed-pop");
    pop.hidden = false;
    pop.style.left = Math.min(window.innerWidth - 300, Math.max(8, w.rect.left)) + "px";
    pop.style.top = Math.min(window.innerHeight - 170, w.rect.bottom + 8) + "px";
    $("missed-kind").focus();
  }
  function closeMissed() { $("missed-pop").hidden = true; }
  $("missed-kind").innerHTML = KINDS.map((k) => `<option>${k}</option>`).join("");
  $("missed-ok").addEventListener("click", () => { closeMissed(); act("missed", { text: missedText, kind: $("missed-kind").value }); });
  $("missed-cancel").addEventListener("click", closeMissed);
  $("missed-kind").addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); $("missed-ok").click(); }
  });

  // ------------------------------------------------------------------ events
  $("doc").addEventListener("mouseup", () => {
    const w = selectedWords();
    if (w) openMissed(w);
  });
  $("doc").addEventListener("click", (e) => {
    if (!window.getSelection().isCollapsed) return;
    const m = e.target.closest("mark.it");
    if (m) select(/^\d+$/.test(m.dataset.id) ? +m.dataset.id : m.dataset.id, false);   // "L0": a leak
    const w = e.target.closest(".w");
    if (w) { setCur(+w.dataset.turn, +w.dataset.at); playFrom(+w.dataset.t); }
    const ts = e.target.closest(".ts[data-t]");
    if (ts) { const ti = +ts.closest(".turn").dataset.turn; setCur(ti, firstWord(ti)); playFrom(+ts.dataset.t); }
    const tool = e.target.closest("button[data-tool]");
    if (tool) turnTool(tool.dataset.tool, +tool.closest(".turn").dataset.turn);
    if (e.target.id === "b-pp") togglePlay();
    if (e.target.id === "b-approve") act("approve");
  });
  $("doc").addEventListener("change", (e) => {
    if (e.target.classList.contains("spk")) setSpeaker(+e.target.dataset.turn, e.target.value);
    if (e.target.id === "f-speed") setSpeed(+e.target.value);
  });
  $("help-btn").addEventListener("click", () => { $("help").hidden = !$("help").hidden; });
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey && e.key === " " && S.view && S.view.audio) { e.preventDefault(); togglePlay(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = (e.target.tagName || "").toLowerCase();
    if (e.key === "Escape") { closeMissed(); $("help").hidden = true; if (tag === "input" || tag === "select") e.target.blur(); return; }
    if (tag === "input" || tag === "select" || tag === "textarea" || (tag === "button" && (e.key === " " || e.key === "Enter"))) return;
    if (!$("missed-pop").hidden) return;
    const k = e.key;
    const keys = { j: () => step(1), n: () => step(1), k: () => step(-1), p: () => step(-1),
      a: () => act("accept"), r: () => act("reject"), u: () => act("reopen"), s: () => act("split"),
      e: () => { const f = $("f-rename"); if (f) { f.focus(); f.select(); } },
      t: () => { const f = $("f-kind"); if (f) f.focus(); },
      g: () => { const f = $("f-merge"); if (f) f.focus(); },
      m: () => { const w = selectedWords(); if (w) openMissed(w); else toast("select the missed words in the text first", true); },
      " ": () => togglePlay(), "?": () => { $("help").hidden = !$("help").hidden; },
      i: () => turnTool("edit", curTurn()), b: () => turnTool("split", curTurn()),
      J: () => turnTool("merge", curTurn()), w: () => turnTool("speaker", curTurn()),
      "[": () => setSpeed(player().playbackRate - 0.25), "]": () => setSpeed(player().playbackRate + 0.25) };
    if (keys[k] && S.view || k === "?") { e.preventDefault(); keys[k](); }
  });
  document.addEventListener("visibilitychange", () => {
    // another tab or reviewer may have decided something meanwhile
    if (!document.hidden && S.view && !S.busy && S.editing == null) {
      api("/api/transcript?name=" + encodeURIComponent(S.view.name)).then((v) => {
        S.view = v; renderDoc(true); select(S.sel, false);
      }).catch(() => {});
    }
  });

  // while someone is working here, show other reviewers' decisions as they are made; an
  // untouched tab stops asking, so the server's idle timeout still ends it
  let lastInput = Date.now();
  ["keydown", "mousedown"].forEach((ev) => document.addEventListener(ev, () => { lastInput = Date.now(); }));
  setInterval(() => {
    const editing = document.activeElement && /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (document.hidden || !S.view || S.busy || editing || S.editing != null || Date.now() - lastInput > 300000) return;
    const before = JSON.stringify(S.view);
    api("/api/transcript?name=" + encodeURIComponent(S.view.name)).then((v) => {
      if (S.busy || JSON.stringify(v) === before) return;
      S.view = v; renderDoc(true); select(S.sel, false);
    }).catch(() => {});
  }, 15000);

  async function onRoute() {
    const r = route();
    if (!r.name) { renderHome(); return; }
    if (!S.view || S.view.name !== r.name) await openTranscript(r.name, r.item);
  }
  window.addEventListener("hashchange", onRoute);
  loadList().then(onRoute).catch((e) => { $("doc").innerHTML = `<p class="empty">${esc(e.message)}</p>`; });
})();
