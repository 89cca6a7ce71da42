// Small helpers the desk's modules share. Every piece of data reaches the page through textContent or an
// attribute set by setAttribute on an element made here: nothing from the store is ever parsed as HTML.

export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const TYPE_CLASSES = {
  "Battles": "t-battles",
  "Explosions/Remote violence": "t-explosions",
  "Violence against civilians": "t-vac",
  "Protests": "t-protests",
  "Riots": "t-riots",
  "Strategic developments": "t-strategic",
};

export function typeClass(eventType) {
  return TYPE_CLASSES[eventType] || "t-strategic";
}

export function count(value) {
  if (value === null || value === undefined) return "not reported";
  if (typeof value === "number") return String(value);
  const { low, best, high } = value;
  if (best === null || best === undefined) return "not reported";
  if (low !== null && high !== null && (low !== best || high !== best)) return `${best} (${low}-${high})`;
  return String(best);
}

export async function api(path, options = {}) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (err) { body = null; }
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: "W099", message: `HTTP ${response.status}` };
    const failure = new Error(`${error.code}: ${error.message}`);
    failure.code = error.code;
    throw failure;
  }
  return body;
}
