// The evidence view: the event's fields with the words behind each, the article with every evidence span
// highlighted and labelled, quotes with their speakers, loaded wording flagged, the reports side by side,
// and the review form. Text is cut into segments and each segment set through textContent: the article's
// own characters (markup included) are shown as written and never parsed.
import { api, clear, count, el, typeClass } from "./dom.js";
import { reviewBadge } from "./list.js";
import { renderReview } from "./review.js";

const FIELD_CLASSES = new Set(["trigger", "actor1", "actor2", "location", "date", "fatalities", "injured"]);

function fieldClass(field) {
  return FIELD_CLASSES.has(field) ? `f-${field}` : "f-other";
}

function actorText(actor) {
  if (!actor) return "none";
  return `${actor.name}${actor.kind ? ` (${actor.kind})` : ""}`;
}

function placeText(place) {
  if (!place) return "none";
  // the district tells namesakes apart ("Kadikoy, Silivri, Istanbul"); a district's own name is not said twice
  const district = place.admin2 && place.admin2 !== place.name ? place.admin2 : null;
  const parts = [place.name, district, place.admin1, place.country].filter(Boolean);
  return `${parts.join(", ")}${place.geo_precision ? ` · precision ${place.geo_precision}` : ""}`;
}

const ROWS = [
  ["type", "type", (e) => `${e.event_type || "?"} / ${e.sub_event_type || "?"}`, (c) => c],
  ["date", "date", (e) => `${e.date || "unknown"}${e.date_end ? ` to ${e.date_end}` : ""}`, (c) => c || "unknown"],
  ["location", "location", (e) => placeText(e.location), placeText],
  ["actor1", "actor1", (e) => actorText(e.actor1), actorText],
  ["actor2", "actor2", (e) => actorText(e.actor2), actorText],
  ["fatalities", "fatalities", (e) => count(e.fatalities), count],
  ["injured", "injured", (e) => count(e.injured), count],
];

function fieldsTable(body, item) {
  const event = item.event;
  const evidence = event.evidence || [];
  clear(body);
  const trigger = evidence.filter((e) => e.field === "trigger");
  body.append(el("tr", {}, [el("td", { text: "trigger" }), el("td", { text: "" }),
    el("td", {}, trigger.map((e) => el("span", { class: `ev f-trigger`, text: e.text })))]));
  for (const [field, evidenceField, show, showCoded] of ROWS) {
    const reviewed = item.review && item.review.fields.includes(field);
    const value = el("td", { class: reviewed ? "reviewed" : null, dataset: { field } }, [show(event)]);
    if (reviewed) {
      value.append(el("span", { class: "was", text: showCoded(item.coded[field]) }));
      value.append(el("span", { class: "badge corrected", text: "reviewed" }));
    }
    const words = evidence.filter((e) => e.field === evidenceField)
      .map((e) => el("span", { class: `ev ${fieldClass(e.field)}`, text: e.text }));
    body.append(el("tr", {}, [el("td", { text: field }), value, el("td", {}, words)]));
  }
  const claimed = (event.claimed_by || []).map((c) => `${c.name}${c.kind ? ` (${c.kind})` : ""}`).join("; ");
  const extra = [["claimed by", claimed || "the outlet"], ["weapons", (event.weapons || []).join(", ") || "none"],
    ["background", event.background ? "yes (history the article recounts)" : "no"],
    ["confidence", event.confidence ?? "?"]];
  for (const [name, text] of extra) body.append(el("tr", {}, [el("td", { text: name }), el("td", { text }), el("td")]));
}

function spansOf(item, article) {
  const spans = [];
  for (const e of item.event.evidence || []) {
    if (Number.isInteger(e.start) && Number.isInteger(e.end) && e.end > e.start) {
      spans.push({ kind: "evidence", field: e.field, start: e.start, end: e.end });
    }
  }
  for (const f of article.framing || []) {
    if (Number.isInteger(f.start) && f.end > f.start) spans.push({ kind: "loaded", category: f.category, start: f.start, end: f.end });
  }
  for (const q of article.quotes || []) {
    if (Number.isInteger(q.start) && q.end > q.start) spans.push({ kind: "quote", start: q.start, end: q.end });
  }
  return spans;
}

export function highlight(container, text, spans) {
  clear(container);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const labelled = new Set();
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    const evidence = over.filter((s) => s.kind === "evidence");
    for (const s of evidence) {
      if (s.start === a && !labelled.has(s)) {
        labelled.add(s);
        container.append(el("span", { class: `ev-label ${fieldClass(s.field)}`, text: s.field, "aria-hidden": "true" }));
      }
    }
    const piece = text.slice(a, b);
    if (!over.length) { container.append(document.createTextNode(piece)); continue; }
    const classes = [];
    const titles = [];
    if (evidence.length) {
      classes.push("ev", fieldClass(evidence[evidence.length - 1].field));
      titles.push(`evidence: ${evidence.map((s) => s.field).join(", ")}`);
    }
    const loaded = over.find((s) => s.kind === "loaded");
    if (loaded) { classes.push("loaded"); titles.push(`loaded wording: ${loaded.category}`); }
    if (over.some((s) => s.kind === "quote")) classes.push("quote");
    const span = el("span", { class: classes.join(" "), title: titles.join(" · ") || null, text: piece });
    if (evidence.length) span.dataset.fields = evidence.map((s) => s.field).join(" ");
    container.append(span);
  }
}

function reportCard(report, current, onOpen) {
  const claims = (report.claimed_by || []).map((c) => `${c.name}${c.kind ? ` (${c.kind})` : ""}`).join("; ");
  const copies = report.copies.length ? ` (+${report.copies.length} ${report.copies.length === 1 ? "copy" : "copies"})` : "";
  const card = el("div", { class: `report${report.event_id === current ? " current" : ""}`,
                           dataset: { eventId: report.event_id || "" } }, [
    el("h4", { text: `${report.source || report.report_key.document_id}${copies}` }),
    el("div", { class: "muted", text: `${report.published || "undated"} · ${report.title || ""}` }),
    el("div", { text: `${report.sub_event_type || "?"} on ${report.date || "?"} at ${report.location || "?"}` }),
    el("div", { text: `${report.actor1 || "?"}${report.actor2 ? ` vs ${report.actor2}` : ""}` }),
    el("div", { class: "figures", text: `killed: ${count(report.fatalities)} · injured: ${count(report.injured)}` }),
    el("div", { text: `according to: ${claims || "the outlet"}` }),
    report.review ? el("span", { class: `badge ${report.review.status}`, text: report.review.status }) : null,
  ]);
  if (report.event_id && report.event_id !== current) {
    card.append(el("button", { type: "button", class: "open-report", text: "Open this report",
                               onclick: () => onOpen(report.event_id) }));
  }
  return card;
}

function incidentSummary(incident) {
  if (!incident) return el("p", { class: "muted", text: "not merged into an incident yet" });
  const record = incident.record;
  const conflicts = (record.conflicts || []).map((c) => el("li", {}, [
    el("strong", { text: c.field }), ": ",
    (c.values || []).map((v) => `${typeof v.value === "object" ? JSON.stringify(v.value) : v.value}`
      + ` (${(v.claimed_by || []).map((x) => x.name || x).join("; ") || v.document_id})`).join(" vs ")]));
  return el("div", { id: "ev-incident" }, [
    el("p", {}, [el("strong", { text: `Incident ${incident.id}` }),
      ` · ${record.number_of_sources} source${record.number_of_sources === 1 ? "" : "s"}`
      + ` · killed: ${count(record.fatalities)} · ${record.first_reported || "?"} to ${record.last_reported || "?"}`,
      incident.review ? el("span", { class: `badge ${incident.review.status}`, text: incident.review.status }) : null]),
    conflicts.length ? el("ul", { class: "conflicts" }, conflicts) : null,
  ]);
}

export function createEvidence(root, { onChanged, onClose, onOpenReport }) {
  const $ = (id) => root.querySelector(`#${id}`);
  $("ev-close").addEventListener("click", onClose);
  let current = null;

  async function open(id) {
    const item = await api(`/api/events/${encodeURIComponent(id)}`);
    current = item;
    const event = item.event;
    const title = $("ev-title");
    clear(title).append(el("span", { class: `chip ${typeClass(event.event_type)}` }),
      `${event.sub_event_type || event.event_type || "event"} · ${(event.location && event.location.name) || "no place"} · ${event.date || "undated"}`);
    const badge = reviewBadge(item.review);
    if (badge) title.append(badge);
    fieldsTable(root.querySelector("#ev-fields tbody"), item);
    const article = item.article || { text: "", quotes: [], framing: [] };
    clear($("ev-source")).append(`${item.document.source || "unknown outlet"} · ${item.document.published || "undated"} · `,
      el("strong", { text: item.document.title || item.document.id }));
    clear($("ev-legend")).append(...[...new Set((event.evidence || []).map((e) => e.field))]
      .map((f) => el("span", { class: `ev-label ${fieldClass(f)}`, text: f })));
    highlight($("ev-text"), article.text || "", spansOf(item, article));
    clear($("ev-quotes")).append(...(article.quotes || []).map((q) => el("li", {}, [
      el("strong", { text: q.speaker ? `${q.speaker.name}${q.speaker.role ? `, ${q.speaker.role}` : ""}` : "unattributed" }),
      `: ${q.direct ? "“" : ""}`, el("span", { class: "quote", text: q.text }), q.direct ? "”" : " (reported)"])));
    if (!(article.quotes || []).length) $("ev-quotes").append(el("li", { class: "muted", text: "none" }));
    clear($("ev-framing")).append(...(article.framing || []).map((f) => el("li", {}, [
      el("span", { class: "loaded", text: f.term }), ` · ${f.category}`])));
    if (!(article.framing || []).length) $("ev-framing").append(el("li", { class: "muted", text: "none flagged" }));
    clear($("ev-incident-box")).append(incidentSummary(item.incident));
    clear($("ev-reports")).append(...item.reports.map((r) => reportCard(r, item.id, (other) => onOpenReport(other))));
    renderReview($("ev-review"), $("ev-log"), item, { onSaved: async () => { await open(id); onChanged(); } });
    root.hidden = false;
    root.scrollTop = 0;
  }

  return { open, get current() { return current; } };
}
