// Events by week as bars; drag across the bars to pick a date range (brushing), click without dragging to
// clear it. The bars are SVG elements made with createElementNS; labels go in through textContent.
const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function iso(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export function createHistogram(container, { onBrush }) {
  const root = svg("svg", { role: "img" });
  container.append(root);
  let weeks = [];  // [{start ms, events}]
  let range = null;  // [since, until] ISO days

  function layout() {
    const width = root.clientWidth || 600;
    const height = root.clientHeight || 90;
    return { width, height, pad: 18 };
  }

  function x0() { return weeks.length ? weeks[0].start : 0; }
  function span() { return weeks.length ? weeks[weeks.length - 1].start + 7 * DAY - x0() : 1; }

  function toX(ms, w) { return ((ms - x0()) / span()) * (w.width - 2 * w.pad) + w.pad; }
  function toMs(x, w) { return x0() + ((x - w.pad) / (w.width - 2 * w.pad)) * span(); }

  function draw() {
    while (root.firstChild) root.removeChild(root.firstChild);
    const w = layout();
    if (!weeks.length) {
      const note = svg("text", { x: w.pad, y: w.height / 2 });
      note.textContent = "no dated events";
      root.append(note);
      return;
    }
    const most = Math.max(...weeks.map((d) => d.events));
    const barWidth = Math.max(1, toX(x0() + 7 * DAY, w) - toX(x0(), w) - 1);
    for (const week of weeks) {
      const h = ((w.height - 2 * w.pad) * week.events) / most;
      const inRange = range && iso(week.start) <= range[1] && iso(week.start + 6 * DAY) >= range[0];
      const bar = svg("rect", { class: `bar${inRange ? " in" : ""}`, x: toX(week.start, w),
                                y: w.height - w.pad - h, width: barWidth, height: Math.max(h, 1) });
      bar.dataset.week = iso(week.start);
      const title = svg("title", {});
      title.textContent = `week of ${iso(week.start)}: ${week.events} events`;
      bar.append(title);
      root.append(bar);
    }
    const first = svg("text", { x: w.pad, y: w.height - 4 });
    first.textContent = iso(x0());
    const last = svg("text", { x: w.width - w.pad, y: w.height - 4, "text-anchor": "end" });
    last.textContent = iso(x0() + span() - DAY);
    root.append(first, last);
    if (range) {
      const a = Math.max(w.pad, toX(Date.parse(range[0]), w));
      const b = Math.min(w.width - w.pad, toX(Date.parse(range[1]) + DAY, w));
      if (b > a) root.append(svg("rect", { class: "brush", x: a, y: 2, width: b - a, height: w.height - w.pad }));
    }
  }

  let dragFrom = null;
  root.addEventListener("pointerdown", (event) => {
    dragFrom = event.offsetX;
    root.setPointerCapture(event.pointerId);
  });
  root.addEventListener("pointerup", (event) => {
    if (dragFrom === null || !weeks.length) return;
    const w = layout();
    const a = Math.min(dragFrom, event.offsetX);
    const b = Math.max(dragFrom, event.offsetX);
    dragFrom = null;
    if (b - a < 4) { onBrush(null); return; }
    const since = iso(Math.max(x0(), toMs(a, w)));
    const until = iso(Math.min(x0() + span() - DAY, toMs(b, w)));
    onBrush([since, until]);
  });

  return {
    setCounts(rows, selected) {
      weeks = rows.filter((r) => r.key).map((r) => ({ start: Date.parse(r.key), events: r.events }));
      range = selected;
      draw();
    },
    redraw: draw,
  };
}
