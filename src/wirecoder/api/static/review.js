// The review form: accept, reject with a reason, or correct one field. Writes need the store's token
// (kept in this browser's localStorage with the reviewer's name). The log below lists every review.
import { api, clear, el } from "./dom.js";

let meta = null;

export function setMeta(value) { meta = value; }

function stored(key) { return window.localStorage.getItem(`wirecoder.${key}`) || ""; }
function keep(key, value) { window.localStorage.setItem(`wirecoder.${key}`, value); }

function options(values, selected) {
  return values.map((v) => el("option", { value: v, text: v, selected: v === selected ? "selected" : null }));
}

function valueEditor(field, event) {
  // returns [element, read()] for the field's new value, in the record's shape
  if (field === "type") {
    const select = el("select", { id: "rv-value" });
    for (const [type, subs] of Object.entries(meta.event_types)) {
      select.append(el("optgroup", { label: type }, options(subs, event.sub_event_type)));
    }
    return [select, () => select.value];
  }
  if (field === "date") {
    const input = el("input", { id: "rv-value", type: "date", value: event.date || "" });
    return [input, () => input.value];
  }
  if (field === "fatalities" || field === "injured") {
    const current = event[field] && event[field].best;
    const input = el("input", { id: "rv-value", type: "number", min: 0, value: current ?? "" });
    return [input, () => (input.value === "" ? null : Number(input.value))];
  }
  if (field === "actor1" || field === "actor2") {
    const actor = event[field] || {};
    const name = el("input", { id: "rv-value", placeholder: "name", value: actor.name || "" });
    const kind = el("select", { id: "rv-kind" }, options(meta.actor_kinds, actor.kind || "other"));
    const box = el("span", {}, [name, kind]);
    return [box, () => (name.value.trim() ? { name: name.value.trim(), kind: kind.value } : null)];
  }
  if (field === "location") {
    const query = el("input", { id: "rv-place-q", placeholder: "place name", value: (event.location || {}).name || "" });
    const pick = el("select", { id: "rv-value" });
    const found = [];
    const search = el("button", { type: "button", text: "Find", onclick: async () => {
      clear(pick); found.length = 0;
      try {
        const result = await api(`/api/places?q=${encodeURIComponent(query.value)}`);
        result.places.forEach((p, i) => {
          found.push(p);
          const district = p.admin2 && p.admin2 !== p.name ? `${p.admin2}, ` : "";
          pick.append(el("option", { value: i, text: `${p.name}, ${district}${p.admin1 || ""} ${p.country} (${p.feature_code || p.feature_class || "?"})` }));
        });
        if (!found.length) pick.append(el("option", { value: "", text: "no place of that name" }));
      } catch (err) { pick.append(el("option", { value: "", text: err.message })); }
    } });
    return [el("span", {}, [query, search, pick]), () => found[Number(pick.value)] || null];
  }
  return [el("span"), () => null];
}

export function renderReview(container, logList, item, { onSaved }) {
  clear(container);
  const reviewer = el("input", { id: "rv-reviewer", placeholder: "your name", value: stored("reviewer") });
  const token = el("input", { id: "rv-token", type: "password", placeholder: "write token", value: stored("token") });
  const message = el("div", { id: "rv-message", role: "status" });
  const key = item.report_key;

  async function send(body) {
    keep("reviewer", reviewer.value.trim());
    keep("token", token.value.trim());
    message.className = "";
    message.textContent = "saving...";
    try {
      await api("/api/reviews", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token.value.trim()}` },
        body: JSON.stringify({ reviewer: reviewer.value.trim(), ...key, ...body }),
      });
      message.textContent = "saved";
      await onSaved();
    } catch (err) {
      message.className = "error";
      message.textContent = err.message;
    }
  }

  const comment = el("input", { id: "rv-comment", placeholder: "comment (optional)" });
  const reason = el("select", { id: "rv-reason" }, options(meta.review.reject_reasons, "not_an_event"));
  const field = el("select", { id: "rv-field" }, options(meta.review.fields, "type"));
  const editorSlot = el("span");
  let read = () => null;
  function swapEditor() {
    const [node, reader] = valueEditor(field.value, item.event);
    clear(editorSlot).append(node);
    read = reader;
  }
  field.addEventListener("change", swapEditor);
  swapEditor();

  container.append(
    el("fieldset", {}, [el("legend", { text: "who" }), reviewer, token]),
    el("fieldset", {}, [el("legend", { text: "decide" }),
      el("button", { type: "button", id: "rv-accept", text: "Accept",
                     onclick: () => send({ action: "accept", comment: comment.value || null }) }),
      " or ", reason,
      el("button", { type: "button", id: "rv-reject", text: "Reject",
                     onclick: () => send({ action: "reject", reason: reason.value, comment: comment.value || null }) })]),
    el("fieldset", {}, [el("legend", { text: "correct a field" }), field, editorSlot,
      el("button", { type: "button", id: "rv-correct", text: "Save correction",
                     onclick: () => send({ action: "correct", field: field.value, value: read(), comment: comment.value || null }) })]),
    comment, message,
  );

  clear(logList);
  for (const entry of item.log || []) {
    const what = entry.action === "correct" ? `corrected ${entry.field}: ${JSON.stringify(entry.old)} → ${JSON.stringify(entry.new)}`
      : entry.action === "reject" ? `rejected (${entry.reason})` : "accepted";
    logList.append(el("li", { text: `${entry.reviewed_at} · ${entry.reviewer} · ${what}${entry.comment ? ` · “${entry.comment}”` : ""}` }));
  }
}
