// The list beside the map: a page of events at a time (keyset pagination), newest first.
import { api, clear, count, el, typeClass } from "./dom.js";

export function reviewBadge(review) {
  if (!review) return null;
  return el("span", { class: `badge ${review.status}`, text: review.status });
}

export function createList(container, moreButton, counter, { onSelect }) {
  let query = "";
  let cursor = null;
  let shown = 0;

  function row(item) {
    const event = item.event;
    const place = (event.location && event.location.name) || "no place";
    const actor = (event.actor1 && event.actor1.name) || "unknown actor";
    return el("li", { tabindex: 0, dataset: { eventId: item.id }, onclick: () => onSelect(item.id),
                      onkeydown: (e) => { if (e.key === "Enter") onSelect(item.id); } }, [
      el("span", { class: `chip ${typeClass(event.event_type)}` }),
      el("strong", { text: event.date || "undated" }), " ",
      el("span", { class: "sub-type", text: event.sub_event_type || event.event_type || "event" }),
      reviewBadge(item.review),
      el("br"),
      el("span", { class: "muted", text: `${place} · ${actor} · killed: ${count(event.fatalities)}` }),
    ]);
  }

  async function load(reset) {
    if (reset) { clear(container); cursor = null; shown = 0; }
    const params = new URLSearchParams(query);
    params.set("limit", "50");
    if (cursor) params.set("after", cursor);
    const page = await api(`/api/events?${params}`);
    for (const item of page.events) container.append(row(item));
    shown += page.events.length;
    cursor = page.next_cursor;
    moreButton.hidden = !cursor;
    counter.textContent = cursor ? `(${shown} shown, more)` : `(${shown})`;
  }

  moreButton.addEventListener("click", () => load(false));

  return {
    async show(newQuery) { query = newQuery; await load(true); },
  };
}
