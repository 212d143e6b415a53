// Map preview of the OGC API HTML pages (items and item): Leaflet over this server's XYZ base map, drawing the
// GeoJSON representation of the same resource. Everything it needs is in data- attributes of #map; the data
// itself is in the page's table, so without JavaScript only the map is missing.
(function () {
  'use strict';
  var element = document.getElementById('map');
  var status = document.getElementById('map-status');
  if (!element || !window.L || !window.fetch) {
    return;
  }
  var say = function (text) { if (status) { status.textContent = text; } };
  var map = L.map(element, { fadeAnimation: false, zoomAnimation: false });
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { maxZoom: 20, attribution: element.dataset.attribution || '' }).addTo(map);
  }
  var box = (element.dataset.bounds || '').split(',').map(Number);
  if (box.length === 4 && box.every(isFinite)) {
    map.fitBounds([[box[1], box[0]], [box[3], box[2]]]);
  } else {
    map.setView([44.56, 6.08], 10);
  }
  say('Loading the features on the map…');
  fetch(element.dataset.features, { headers: { Accept: 'application/geo+json' } })
    .then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    })
    .then(function (data) {
      var style = { color: '#b5179e', weight: 3, opacity: 0.9, fillColor: '#f72585', fillOpacity: 0.35 };
      var layer = L.geoJSON(data, {
        style: function () { return style; },
        pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, Object.assign({ radius: 7 }, style)); },
        onEachFeature: function (feature, shape) {
          // Text node, never HTML: ids come from the data.
          var label = document.createElement('span');
          label.textContent = feature.id === undefined ? '' : String(feature.id);
          shape.bindTooltip(label);
        }
      }).addTo(map);
      var count = data.type === 'FeatureCollection' ? data.features.length : 1;
      var bounds = layer.getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [24, 24], maxZoom: 18 });
      }
      element.dataset.drawn = String(count);
      say(count + (count === 1 ? ' feature' : ' features') + ' drawn on the map.');
    })
    .catch(function (error) { say('The map could not load the features: ' + error.message); });
}());
