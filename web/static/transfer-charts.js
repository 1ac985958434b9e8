// The transfers charts (explorer and State pages), each drawn from the table that follows it:
// a table with data-chart="<canvas id>" gives one bar per row, from its data-label and
// data-value. The table stays the accessible form; the chart repeats it.
(function () {
  'use strict';
  function draw() {
    if (typeof window.Chart === 'undefined') return;
    document.querySelectorAll('table[data-chart]').forEach(function (table) {
      var canvas = document.getElementById(table.getAttribute('data-chart'));
      if (!canvas) return;
      var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-value]'));
      var caption = table.querySelector('caption');
      new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: rows.map(function (tr) { return tr.getAttribute('data-label'); }),
          datasets: [{
            label: caption ? caption.textContent.trim() : '',
            data: rows.map(function (tr) { return Number(tr.getAttribute('data-value')); }),
            backgroundColor: '#1f5fa8',
          }],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { display: false } },
        },
      });
    });
  }
  // A table with data-map="<canvas id>" and data-shapes="<TopoJSON url>" colours each country
  // by its row's data-value, matched on data-m49 (the shapes' ids are M49 codes).
  function drawMaps() {
    if (typeof window.Chart === 'undefined' || typeof window.ChartGeo === 'undefined') return;
    document.querySelectorAll('table[data-map]').forEach(function (table) {
      var canvas = document.getElementById(table.getAttribute('data-map'));
      if (!canvas) return;
      var values = {};
      table.querySelectorAll('tbody tr[data-m49]').forEach(function (tr) {
        values[tr.getAttribute('data-m49')] = Number(tr.getAttribute('data-value'));
      });
      fetch(table.getAttribute('data-shapes')).then(function (answer) { return answer.json(); }).then(function (world) {
        var countries = window.ChartGeo.topojson.feature(world, world.objects.countries).features;
        new window.Chart(canvas, {
          type: 'choropleth',
          data: {
            labels: countries.map(function (country) { return country.properties.name; }),
            datasets: [{
              label: canvas.getAttribute('aria-label') || '',
              outline: countries,
              data: countries.map(function (country) {
                return { feature: country, value: values[country.id] || 0 };
              }),
            }],
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            showOutline: true,
            plugins: { legend: { display: false } },
            scales: {
              projection: { axis: 'x', projection: 'equalEarth' },
              color: { axis: 'x', quantize: 5, legend: { position: 'bottom-right', align: 'right' } },
            },
          },
        });
        canvas.setAttribute('data-drawn', String(Object.keys(values).length));
      }).catch(function () { /* the table beside the map still gives every figure */ });
    });
  }
  function drawAll() { draw(); drawMaps(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drawAll);
  else drawAll();
})();
