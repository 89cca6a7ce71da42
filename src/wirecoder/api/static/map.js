// The map: country outlines from Natural Earth (world-atlas, shipped with the package; no tile server),
// events as markers coloured by type and sized by fatalities, clustered (Leaflet.markercluster).
import { typeClass } from "./dom.js";

function radius(fatalities) {
  return 7 + Math.min(22, 3 * Math.sqrt(fatalities || 0));
}

export async function createMap(container, { onSelect }) {
  const map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  map.setView([15, 20], 2);
  const topology = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
  const countries = topojson.feature(topology, topology.objects.countries);
  L.geoJSON(countries, { style: () => ({ className: "country" }), interactive: false }).addTo(map);

  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    iconCreateFunction(cluster) {
      const children = cluster.getAllChildMarkers();
      const dead = children.reduce((sum, m) => sum + (m.options.fatalities || 0), 0);
      const size = Math.round(2 * radius(dead) + 8);
      const icon = L.divIcon({ className: "ev-cluster", iconSize: [size, size] });
      icon.options.html = String(children.length);
      return icon;
    },
  });
  map.addLayer(clusters);

  function setPoints(points, { fit }) {
    clusters.clearLayers();
    const markers = [];
    for (const [id, lat, lon, eventType, fatalities, review] of points) {
      const size = Math.round(2 * radius(fatalities));
      const icon = L.divIcon({
        className: `ev-marker ${typeClass(eventType)}${review ? " reviewed" : ""}`,
        iconSize: [size, size],
      });
      const marker = L.marker([lat, lon], { icon, fatalities: fatalities || 0, keyboard: true,
                                            title: `${eventType || "event"}: ${fatalities ?? "?"} killed` });
      marker.on("add", () => { const node = marker.getElement(); if (node) node.dataset.eventId = id; });
      marker.on("click", () => onSelect(id));
      markers.push(marker);
    }
    clusters.addLayers(markers);
    if (fit && markers.length) {
      // no animation: the markers and clusters are final when the page says it is ready
      map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.3), { maxZoom: 6, animate: false });
    }
  }

  return { map, setPoints };
}
