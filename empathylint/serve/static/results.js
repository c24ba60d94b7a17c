// The parts of the results that are made from an answer alone: labels, the change a fix
// makes, the checklist's rows. Every string goes in as text, never as markup.

export function severityLabel(severity) {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

export function describeChange(fix) {
  return fix.edits.map((edit) => {
    if (!edit.replacement) return `Removes “${edit.original}”.`;
    if (!edit.original) return `Adds “${edit.replacement}”.`;
    return `Replaces “${edit.original}” with “${edit.replacement}”.`;
  }).join(" ");
}

// Each row says its status in words; the mark beside it is for the eye only.
const STATUS = { "met": ["✓", "met"], "not met": ["✗", "not met"], "n/a": ["–", "does not apply"] };

export function checklistRows(checklist) {
  return checklist.map((row) => {
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
}
