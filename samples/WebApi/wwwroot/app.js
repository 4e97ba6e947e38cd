// Posts the text to /tag and shows the tags, the probabilities and the evidence highlighted in the text.
const form = document.getElementById("tag-form");
const textBox = document.getElementById("text");
const statusLine = document.getElementById("status");
const results = document.getElementById("results");

let names = {}; // tag id -> display name, from GET /tags
const namesLoaded = fetch("/tags").then(r => r.json())
  .then(tags => { names = Object.fromEntries(tags.map(t => [t.id, t.displayName])); })
  .catch(() => { /* show the ids instead */ });
const nameOf = id => names[id] ?? id;

form.addEventListener("submit", async event => {
  event.preventDefault();
  const text = textBox.value;
  statusLine.textContent = "Tagging…";
  statusLine.className = "";
  try {
    const response = await fetch("/tag", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.errors?.text?.[0] ?? body.title ?? response.statusText);
    await namesLoaded;
    show(text, body);
    statusLine.textContent = "";
  } catch (error) {
    results.hidden = true;
    statusLine.textContent = error.message;
    statusLine.className = "error";
  }
});

function show(text, result) {
  const tags = document.getElementById("tags");
  tags.replaceChildren(...(result.tags.length
    ? result.tags.map(id => element("li", nameOf(id), { "data-tag": id }))
    : [element("li", "No content warnings", { class: "none" })]));

  const rows = [...result.scores].sort((a, b) => b.probability - a.probability).slice(0, 5).map(score => {
    const bar = element("div", "", { class: "bar" });
    bar.style.width = `${Math.round(score.probability * 100)}%`;
    const row = element("tr", "", { class: score.isTagged ? "tagged" : "" });
    row.append(element("td", nameOf(score.tagId)), element("td", `${(score.probability * 100).toFixed(1)} %`), cell(bar));
    return row;
  });
  document.querySelector("#scores tbody").replaceChildren(...rows);

  document.getElementById("highlighted").replaceChildren(...highlight(text, result.evidence));
  results.hidden = false;
}

// The text with each evidence sentence shaded (one span where tags share a sentence) and its evidence words marked.
function highlight(text, evidence) {
  const sentences = [];
  for (const e of [...evidence].sort((a, b) => a.start - b.start)) {
    const last = sentences.at(-1);
    if (last && e.start < last.end) {
      last.end = Math.max(last.end, e.start + e.length);
      last.words.push(...e.words);
      last.tags.push(e.tagId);
    } else {
      sentences.push({ start: e.start, end: e.start + e.length, words: [...e.words], tags: [e.tagId] });
    }
  }
  const nodes = [];
  let at = 0;
  for (const s of sentences) {
    const span = element("span", "", { class: "sentence", title: s.tags.map(nameOf).join(", ") });
    span.append(...markWords(text.slice(s.start, s.end), s.words));
    nodes.push(document.createTextNode(text.slice(at, s.start)), span);
    at = s.end;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

// Whole-word, case-insensitive matches of the words, as <mark> elements between text nodes.
function markWords(sentence, words) {
  if (words.length === 0) return [document.createTextNode(sentence)];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const nodes = [];
  let at = 0;
  for (const match of sentence.matchAll(pattern)) {
    nodes.push(document.createTextNode(sentence.slice(at, match.index)), element("mark", match[0], { class: "word" }));
    at = match.index + match[0].length;
  }
  nodes.push(document.createTextNode(sentence.slice(at)));
  return nodes;
}

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) if (value) node.setAttribute(name, value);
  return node;
}

function cell(child) {
  const td = document.createElement("td");
  td.append(child);
  return td;
}

const escapeRegExp = s => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
