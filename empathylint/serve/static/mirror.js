// The draft's mirror: a copy of the textarea's text behind it, where the findings are
// marked. Both share every metric that places a character (page.css), so each mark sits
// under its words. Offsets are the server's, in UTF-16 units like JavaScript strings.

const RANK = { info: 1, warning: 2, error: 3 };

// A whole-draft finding (no sign-off at all) is listed, not painted over every word.
function painted(finding, text) {
  return finding.end > finding.start && !(finding.start === 0 && finding.end >= text.trimEnd().length);
}

// The marks of an answer's findings in the text they were found in: {start, end, index}.
export function placed(findings, text) {
  return findings.map((finding, index) => ({ start: finding.start, end: finding.end, index }))
    .filter((mark) => painted(findings[mark.index], text));
}

// While typing, the marks before and after the edited stretch move with the text; the ones
// inside it go until the next answer.
export function followed(findings, before, after) {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) {
    suffix++;
  }
  const tail = before.length - suffix;
  const shift = after.length - before.length;
  return placed(findings, before)
    .filter((mark) => mark.end <= prefix || mark.start >= tail)
    .map((mark) => (mark.start >= tail ? { ...mark, start: mark.start + shift, end: mark.end + shift } : mark));
}

// The text cut at every mark's edge; each piece takes the most severe mark over it, so
// overlapping findings never nest. The selected finding's pieces are outlined.
export function paint(backdrop, text, marks, findings, selected) {
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
    const top = over.reduce((a, b) => (RANK[findings[b.index].severity] > RANK[findings[a.index].severity] ? b : a));
    const element = document.createElement("mark");
    element.className = findings[top.index].severity;
    if (over.some((mark) => mark.index === selected)) element.classList.add("selected");
    element.textContent = piece;
    pieces.append(element);
  }
  // A last empty line still takes its height in the mirror.
  pieces.append(text.endsWith("\n") ? " \n" : "");
  backdrop.replaceChildren(pieces);
}

// The finding under the caret (the narrowest, where several overlap), or -1.
export function markAt(marks, caret) {
  const here = marks.filter((mark) => mark.start <= caret && caret < mark.end);
  if (!here.length) return -1;
  return here.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a)).index;
}
