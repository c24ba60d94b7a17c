// The page: sends the draft to this computer's empathylint server as you type (debounced),
// marks the findings in a mirror of the text behind the textarea, and shows each finding's
// message, explanation and fix. Only this server is ever contacted (the Content-Security-
// Policy allows nothing else). Offsets are the server's, in UTF-16 units like JS strings.
"use strict";

(() => {
  const DEBOUNCE_MS = 300;
  const $ = (id) => document.getElementById(id);
  const draft = $("draft");
  const backdrop = $("backdrop");
  const customer = $("customer");
  const profile = $("profile");
  const channel = $("channel");
  const findingsList = $("findings");
  const detail = $("detail");
  const applyButton = $("apply-fix");
  const fixAllButton = $("fix-all");
  const verdict = $("verdict");

  let rules = {};
  let answer = null; // the last answer, for the text it was made for (answer.text)
  let marks = []; // answer's findings as placed in the current text: {start, end, index}
  let selected = -1; // index into answer.findings
  let timer = null;
  let sequence = 0;

  async function api(path, body) {
    const init = body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    };
    const response = await fetch(path, init);
    const result = await response.json();
    if (!response.ok) throw new Error(result.error || response.statusText);
    return result;
  }

  function request(extra) {
    return Object.assign({
      text: draft.value,
      customer_message: customer.value,
      profile: profile.value,
      channel: channel.value,
    }, extra);
  }

  function say(message) {
    $("status").textContent = message;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  async function check() {
    clearTimeout(timer);
    const text = draft.value;
    const mine = ++sequence;
    if (!text.trim()) {
      show(null);
      return;
    }
    try {
      const result = await api("/api/check", request({}));
      // An older answer, or one for a text that has changed since: the next check will come.
      if (mine === sequence && draft.value === text) show(result);
    } catch (error) {
      if (mine === sequence) say("Could not check the draft: " + error.message);
    }
  }

  // A whole-draft finding (no sign-off at all) is listed, not painted over every word.
  function painted(finding, text) {
    return finding.end > finding.start && !(finding.start === 0 && finding.end >= text.trimEnd().length);
  }

  function show(result) {
    const previous = selected >= 0 && answer ? answer.findings[selected] : null;
    answer = result;
    selected = -1;
    if (result && previous) {
      selected = result.findings.findIndex((f) =>
        f.rule === previous.rule && f.start === previous.start && f.end === previous.end);
    }
    marks = result ? result.findings.map((f, index) => ({ start: f.start, end: f.end, index }))
      .filter((mark) => painted(result.findings[mark.index], result.text)) : [];
    paint();
    listFindings();
    showChecklist();
    showDetail(false);
  }

  // While typing, the marks before and after the edited stretch move with the text; the
  // ones inside it go until the next answer.
  function followEdit() {
    if (!answer) {
      paint();
      return;
    }
    const before = answer.text;
    const after = draft.value;
    const shortest = Math.min(before.length, after.length);
    let prefix = 0;
    while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < shortest - prefix &&
      before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    const tail = before.length - suffix;
    const shift = after.length - before.length;
    marks = answer.findings.map((f, index) => ({ start: f.start, end: f.end, index }))
      .filter((mark) => painted(answer.findings[mark.index], before))
      .filter((mark) => mark.end <= prefix || mark.start >= tail)
      .map((mark) => (mark.start >= tail ? { ...mark, start: mark.start + shift, end: mark.end + shift } : mark));
    paint();
  }

  const RANK = { info: 1, warning: 2, error: 3 };

  // The mirror: the text cut at every mark's edge; each piece takes the most severe mark
  // over it, so overlapping findings never nest.
  function paint() {
    const text = draft.value;
    const edges = new Set([0, text.length]);
    for (const mark of marks) {
      edges.add(Math.min(mark.start, text.length));
      edges.add(Math.min(mark.end, text.length));
    }
    const cuts = [...edges].sort((a, b) => a - b);
    const pieces = document.createDocumentFragment();
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i], cuts[i + 1]];
      const over = marks.filter((mark) => mark.start <= from && mark.end >= to);
      const piece = text.slice(from, to);
      if (!over.length) {
        pieces.append(piece);
        continue;
      }
      const top = over.reduce((a, b) =>
        RANK[answer.findings[b.index].severity] > RANK[answer.findings[a.index].severity] ? b : a);
      const element = document.createElement("mark");
      element.className = answer.findings[top.index].severity;
      if (over.some((mark) => mark.index === selected)) element.classList.add("selected");
      element.textContent = piece;
      pieces.append(element);
    }
    // A last empty line still takes its height in the mirror.
    pieces.append(text.endsWith("\n") ? " \n" : "");
    backdrop.replaceChildren(pieces);
    backdrop.scrollTop = draft.scrollTop;
  }

  function severityLabel(severity) {
    return severity.charAt(0).toUpperCase() + severity.slice(1);
  }

  function listFindings() {
    const items = [];
    const findings = answer ? answer.findings : [];
    findings.forEach((finding, index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "finding " + finding.severity;
      button.dataset.index = String(index);
      if (index === selected) button.setAttribute("aria-current", "true");
      const severity = document.createElement("span");
      severity.className = "severity";
      severity.textContent = severityLabel(finding.severity);
      button.append(severity, ` · line ${finding.line}: ${finding.message}`);
      button.addEventListener("click", () => select(index, true));
      const item = document.createElement("li");
      item.append(button);
      items.push(item);
    });
    findingsList.after(detail); // out of the list before the list is rebuilt
    findingsList.replaceChildren(...items);
    fixAllButton.disabled = !findings.some((finding) => finding.fix && finding.fix.safe);
    verdict.className = "verdict" + (answer ? (answer.ready ? " ready" : " to-fix") : "");
    if (!answer) {
      verdict.textContent = "Type or paste a draft to check it.";
    } else {
      const hints = findings.length - answer.blocking;
      verdict.textContent = answer.verdict + (answer.ready && hints ? ` (${hints} ${hints === 1 ? "hint" : "hints"} below)` : "");
    }
  }

  const STATUS = { "met": ["✓", "met"], "not met": ["✗", "not met"], "n/a": ["–", "does not apply"] };

  function showChecklist() {
    const rows = (answer ? answer.checklist : []).map((row) => {
      const [symbol, words] = STATUS[row.status] || ["?", row.status];
      const item = document.createElement("li");
      item.className = row.status === "n/a" ? "n-a" : row.status.replace(" ", "-");
      item.dataset.key = row.key;
      const mark = document.createElement("span");
      mark.className = "mark";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = symbol;
      item.append(mark, `${row.number ? row.number + ". " : ""}${row.title}: ${words}`);
      return item;
    });
    $("checklist").replaceChildren(...rows);
  }

  function select(index, fromList) {
    selected = index;
    const finding = answer.findings[index];
    paint();
    for (const button of findingsList.querySelectorAll("button.finding")) {
      if (Number(button.dataset.index) === index) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
    showDetail(fromList);
    if (fromList) {
      // Show the words in the draft; the caret stays put until the draft is focused.
      draft.setSelectionRange(finding.start, finding.end);
      const mark = backdrop.querySelector("mark.selected");
      if (mark) draft.scrollTop = Math.max(0, mark.offsetTop - draft.clientHeight / 3);
      backdrop.scrollTop = draft.scrollTop;
    }
  }

  function describeChange(fix) {
    return fix.edits.map((edit) => {
      if (!edit.replacement) return `Removes “${edit.original}”.`;
      if (!edit.original) return `Adds “${edit.replacement}”.`;
      return `Replaces “${edit.original}” with “${edit.replacement}”.`;
    }).join(" ");
  }

  function showDetail(focus) {
    if (!answer || selected < 0) {
      detail.hidden = true;
      return;
    }
    const finding = answer.findings[selected];
    const rule = rules[finding.group] || {};
    $("detail-title").textContent = rule.title || finding.group;
    $("detail-where").textContent =
      `${severityLabel(finding.severity)} · line ${finding.line}, column ${finding.column} · ${finding.rule}` +
      (rule.checklist ? ` · checklist: ${rule.checklist}` : "");
    $("detail-message").textContent = finding.message;
    $("detail-rewrite").textContent = finding.suggestion ? "Rewrite: " + finding.suggestion : "";
    $("detail-change").textContent = finding.fix ? describeChange(finding.fix) : "No fix to apply: edit the text yourself.";
    applyButton.hidden = !finding.fix;
    applyButton.textContent = finding.fix && !finding.fix.safe
      ? "Apply this rewrite (check it keeps your meaning)"
      : "Apply the fix";
    $("detail-why").textContent = rule.why || "";
    const parts = [["What it does", rule.what], ["Example", rule.example], ["Use instead", rule.instead]];
    const blocks = [];
    for (const [heading, body] of parts) {
      if (!body) continue;
      const title = document.createElement("h4");
      title.textContent = heading;
      const text = document.createElement("p");
      text.textContent = body;
      blocks.push(title, text);
    }
    $("detail-doc").replaceChildren(...blocks);
    // Right under its finding: next in the tab order, and in sight.
    const button = findingsList.querySelector(`button[data-index="${selected}"]`);
    if (button) button.parentElement.append(detail);
    detail.hidden = false;
    if (focus) detail.focus();
  }

  async function applyFix() {
    if (!answer || selected < 0) return;
    const finding = answer.findings[selected];
    if (draft.value !== answer.text) {
      say("The draft changed; checking it again first.");
      await check();
      return;
    }
    try {
      const result = await api("/api/fix", request({
        finding: { rule: finding.rule, start: finding.start, end: finding.end },
      }));
      takeFixed(result, `Fixed: ${finding.message}`);
    } catch (error) {
      say("Could not apply the fix: " + error.message);
      await check();
    }
  }

  async function fixAll() {
    try {
      const result = await api("/api/fix", request({ all: true }));
      takeFixed(result, `Applied ${result.applied} safe ${result.applied === 1 ? "fix" : "fixes"}.`);
    } catch (error) {
      say("Could not apply the fixes: " + error.message);
    }
  }

  function takeFixed(result, message) {
    sequence++; // an answer still on its way is for the old text
    draft.value = result.text;
    selected = -1;
    show(result);
    say(message);
    const next = findingsList.querySelector("button.finding");
    (next || draft).focus();
  }

  // Clicking in the draft (or moving the caret with the keys) on marked words shows the
  // finding there, without taking the focus from the draft.
  function findingAtCaret() {
    if (!answer || draft.value !== answer.text || draft.selectionStart !== draft.selectionEnd) return;
    const caret = draft.selectionStart;
    const here = marks.filter((mark) => mark.start <= caret && caret < mark.end);
    if (!here.length) return;
    const narrowest = here.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
    if (narrowest.index !== selected) select(narrowest.index, false);
  }

  async function copyReply() {
    try {
      await navigator.clipboard.writeText(draft.value);
      say("Copied the reply.");
    } catch (error) {
      draft.focus();
      draft.select();
      say("Could not copy; the text is selected: press Ctrl+C (⌘C on a Mac).");
    }
  }

  function fill(select, values, chosen) {
    select.replaceChildren(...values.map((value) => new Option(value, value, value === chosen, value === chosen)));
  }

  async function start() {
    draft.addEventListener("input", () => {
      followEdit();
      schedule();
    });
    draft.addEventListener("scroll", () => {
      backdrop.scrollTop = draft.scrollTop;
    });
    draft.addEventListener("click", findingAtCaret);
    draft.addEventListener("keyup", (event) => {
      if (event.key.startsWith("Arrow") || event.key === "Home" || event.key === "End") findingAtCaret();
    });
    customer.addEventListener("input", schedule);
    profile.addEventListener("change", check);
    channel.addEventListener("change", check);
    applyButton.addEventListener("click", applyFix);
    fixAllButton.addEventListener("click", fixAll);
    $("copy").addEventListener("click", copyReply);
    detail.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      const button = findingsList.querySelector(`button[data-index="${selected}"]`);
      (button || draft).focus();
    });
    new ResizeObserver(paint).observe(draft);
    try {
      const [settings, ruleDocs] = await Promise.all([api("/api/settings"), api("/api/rules")]);
      rules = ruleDocs;
      fill(profile, settings.profiles, settings.profile);
      fill(channel, settings.channels, settings.channel);
      $("sources").textContent = "From: " + settings.sources.join(" < ");
      $("settings").textContent = settings.settings;
      document.body.dataset.ready = "true";
      if (draft.value.trim()) check();
    } catch (error) {
      say("Could not reach empathylint: is `empathylint serve` still running? (" + error.message + ")");
    }
  }

  start();
})();
