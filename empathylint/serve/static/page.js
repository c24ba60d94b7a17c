// The page: sends the draft to this computer's empathylint server as you type (debounced),
// marks the findings in the draft's mirror (mirror.js), and shows each finding's message,
// explanation and fix. Only this server is ever contacted (the Content-Security-Policy
// allows nothing else). A module: strict, and run once the page is parsed.
import { followed, markAt, paint as paintMirror, placed } from "/mirror.js";
import { checklistRows, describeChange, severityLabel } from "/results.js";

{
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
      customer_name: $("customer-name").value,
      agent_name: $("agent-name").value,
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

  function show(result) {
    // A new answer rebuilds the list: whoever was in it stays on the same finding.
    const inList = findingsList.contains(document.activeElement);
    const previous = selected >= 0 && answer ? answer.findings[selected] : null;
    answer = result;
    selected = -1;
    if (result && previous) {
      selected = result.findings.findIndex((f) =>
        f.rule === previous.rule && f.start === previous.start && f.end === previous.end);
    }
    marks = result ? placed(result.findings, result.text) : [];
    paint();
    listFindings();
    $("checklist").replaceChildren(...checklistRows(result ? result.checklist : []));
    showDetail(false);
    if (inList && !findingsList.contains(document.activeElement)) {
      const same = findingsList.querySelector(`button[data-index="${selected}"]`);
      (same || findingsList.querySelector("button.finding") || draft).focus();
    }
  }

  function followEdit() {
    marks = answer ? followed(answer.findings, answer.text, draft.value) : [];
    paint();
  }

  function paint() {
    paintMirror(backdrop, draft.value, marks, answer ? answer.findings : [], selected);
    backdrop.scrollTop = draft.scrollTop;
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
    const index = markAt(marks, draft.selectionStart);
    if (index >= 0 && index !== selected) select(index, false);
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
    for (const context of [customer, $("customer-name"), $("agent-name")]) context.addEventListener("input", schedule);
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
}
