// The desk: filters (kept in the address bar, so a view can be shared and survives a reload), the map, the
// time histogram, the list and the evidence view (#event=ID opens it).
import { api, el, typeClass } from "./dom.js";
import { createEvidence } from "./evidence.js";
import { createHistogram } from "./histogram.js";
import { createList } from "./list.js";
import { createMap } from "./map.js";
import { setMeta } from "./review.js";

const FILTERS = ["type", "country", "actor", "q", "since", "until", "min_sources", "review"];
const form = document.getElementById("filters");
const status = document.getElementById("status");

function readForm() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function writeForm(params) {
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
}

function withoutDates(params) {
  const copy = new URLSearchParams(params);
  copy.delete("since");
  copy.delete("until");
  return copy;
}

async function boot() {
  const meta = await api("/api/meta");
  setMeta(meta);
  document.getElementById("store-counts").textContent =
    `${meta.store.events} events from ${meta.store.articles} articles · ${meta.store.incidents} incidents · ${meta.store.reviews} reviews`;
  const typeSelect = document.getElementById("f-type");
  const legend = document.getElementById("legend");
  for (const [type, subs] of Object.entries(meta.event_types)) {
    typeSelect.append(el("option", { value: type, text: type }));
    for (const sub of subs) typeSelect.append(el("option", { value: sub, text: `  ${sub}` }));
    legend.append(el("li", {}, [el("span", { class: `chip ${typeClass(type)}` }), type]));
  }
  writeForm(new URLSearchParams(window.location.search));

  const evidence = createEvidence(document.getElementById("evidence"), {
    onChanged: () => refresh({ fit: false }),
    onOpenReport: (id) => select(id),
    onClose: () => { document.getElementById("evidence").hidden = true; history.replaceState(null, "", `${location.pathname}${location.search}`); },
  });
  async function select(id) {
    history.replaceState(null, "", `${location.pathname}${location.search}#event=${id}`);
    try { await evidence.open(id); } catch (err) { status.textContent = err.message; }
  }
  const { setPoints } = await createMap(document.getElementById("map"), { onSelect: select });
  const histogram = createHistogram(document.getElementById("histogram"), {
    onBrush(range) {
      form.elements.since.value = range ? range[0] : "";
      form.elements.until.value = range ? range[1] : "";
      refresh({ fit: false });
    },
  });
  const list = createList(document.getElementById("event-list"), document.getElementById("list-more"),
    document.getElementById("list-count"), { onSelect: select });

  async function refresh({ fit }) {
    const params = readForm();
    history.replaceState(null, "", `${location.pathname}${params.toString() ? `?${params}` : ""}${location.hash}`);
    document.getElementById("export-csv").href = `/api/export.csv?${params}`;
    document.getElementById("export-geojson").href = `/api/export.geojson?${params}`;
    status.className = "muted";
    try {
      const [points, weeks] = await Promise.all([
        api(`/api/events/points?${params}`),
        api(`/api/counts?by=week&${withoutDates(params)}`),
        list.show(params.toString()),
      ]);
      setPoints(points.points, { fit });
      const range = params.get("since") || params.get("until")
        ? [params.get("since") || "0000-01-01", params.get("until") || "9999-12-31"] : null;
      histogram.setCounts(weeks.counts, range);
      status.textContent = `${points.points.length} events on the map${points.truncated ? " (the newest; narrow the filters to see all)" : ""}`;
      document.body.dataset.ready = "1";
    } catch (err) {
      status.className = "error";
      status.textContent = err.message;
    }
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); refresh({ fit: true }); });
  document.getElementById("f-reset").addEventListener("click", () => { writeForm(new URLSearchParams()); refresh({ fit: true }); });
  window.addEventListener("resize", () => histogram.redraw());
  await refresh({ fit: true });
  const opened = () => { const match = /#event=(\d+)/.exec(location.hash); return match ? Number(match[1]) : null; };
  window.addEventListener("hashchange", () => { if (opened() !== null) select(opened()); });
  if (opened() !== null) await select(opened());
}

boot().catch((err) => { status.className = "error"; status.textContent = `the desk could not start: ${err.message}`; });
